package com.example.orders.users;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.example.orders.streams.StreamMetrics;
import com.example.orders.streams.UserActivity;
import com.example.orders.streams.UserActivityEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users kept by another repository, each creation, update and deletion then published as user activity.
 * As with orders (PublishingOrderRepository), the change is stored first and a failed publish is logged
 * with the user id and counted (UserActivityPublishFailures), not answered as an error.
 */
public final class PublishingUserRepository implements UserRepository {

    private static final Logger LOG = LoggerFactory.getLogger(PublishingUserRepository.class);

    private final UserRepository users;
    private final UserActivity activity;
    private final StreamMetrics metrics;
    private final Clock clock;

    public PublishingUserRepository(UserRepository users, UserActivity activity, StreamMetrics metrics, Clock clock) {
        this.users = users;
        this.activity = activity;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void create(User user) {
        users.create(user);
        publish(new UserActivityEvent(UserActivityEvent.USER_CREATED, user.id(), user.createdAt()));
    }

    @Override
    public Optional<User> find(String id) {
        return users.find(id);
    }

    @Override
    public Optional<User> update(String id, UserDetails details, Instant at) {
        Optional<User> updated = users.update(id, details, at);
        updated.ifPresent(user -> publish(new UserActivityEvent(UserActivityEvent.USER_UPDATED, id, at)));
        return updated;
    }

    @Override
    public boolean delete(String id) {
        boolean deleted = users.delete(id);
        if (deleted) {
            publish(new UserActivityEvent(UserActivityEvent.USER_DELETED, id, clock.instant()));
        }
        return deleted;
    }

    private void publish(UserActivityEvent event) {
        try {
            activity.publish(event);
        } catch (RuntimeException e) {
            LOG.error("User activity not published; the change is stored", entry("userId", event.userId()),
                    entry("type", event.type()), e);
            metrics.userActivityNotPublished();
        }
    }
}
