package com.example.orders.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.metrics.MetricNames;
import com.example.orders.metrics.RecordingMetrics;
import com.example.orders.streams.RecordingStreamMetrics;
import com.example.orders.streams.UserActivity;
import com.example.orders.streams.UserActivityEvent;
import com.example.orders.testing.Sequence;
import com.example.orders.testing.SteppingClock;
import com.example.orders.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The users API with activity publishing: one event per stored change, and a failed publish only counted. */
class UserActivityPublishingTest {

    private static final Instant CREATED = Instant.parse("2026-02-01T08:00:00Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final List<UserActivityEvent> published = new ArrayList<>();
    private final RecordingStreamMetrics streamMetrics = new RecordingStreamMetrics();

    @Test
    void createUpdateAndDeleteEachPublishTheirActivity() {
        UsersHandler handler = handler(published::add);

        handler.handleRequest(event("create-user.json"), new TestContext());
        users.create(new User("user-2", "Grace Hopper", "grace@example.com", CREATED, CREATED));
        handler.handleRequest(event("update-user.json").withPathParameters(Map.of("id", "user-2")), new TestContext());
        handler.handleRequest(event("delete-user.json").withPathParameters(Map.of("id", "user-2")), new TestContext());

        assertThat(published).extracting(event -> event.type() + " " + event.userId())
                .containsExactly("UserCreated user-1", "UserUpdated user-2", "UserDeleted user-2");
        assertThat(published.get(0).timestamp()).isEqualTo(SteppingClock.START);
    }

    @Test
    void aChangeToAMissingUserPublishesNothing() {
        var response = handler(published::add).handleRequest(event("delete-user.json"), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(published).isEmpty();
    }

    @Test
    void aFailedPublishDoesNotFailTheStoredUserButIsCounted() {
        UserActivity down = event -> {
            throw new IllegalStateException("stream unreachable");
        };

        var response = handler(down).handleRequest(event("create-user.json"), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(users.find("user-1")).isPresent();
        assertThat(streamMetrics.recorded).containsExactly(MetricNames.USER_ACTIVITY_PUBLISH_FAILURES);
    }

    private UsersHandler handler(UserActivity activity) {
        SteppingClock clock = new SteppingClock(Duration.ZERO);
        return new UsersHandler(new PublishingUserRepository(users, activity, streamMetrics, clock), new RecordingMetrics(),
                clock, new Sequence("user"));
    }

    private static APIGatewayProxyRequestEvent event(String file) {
        return EventLoader.loadApiGatewayRestEvent("events/users/" + file);
    }
}
