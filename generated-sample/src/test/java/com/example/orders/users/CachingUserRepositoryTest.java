package com.example.orders.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.metrics.RecordingMetrics;
import com.example.orders.testing.Responses;
import com.example.orders.testing.Sequence;
import com.example.orders.testing.SteppingClock;
import com.example.orders.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachingUserRepositoryTest {

    private static final Duration TTL = Duration.ofSeconds(300);
    private static final Instant CREATED = Instant.parse("2026-02-01T08:00:00Z");

    private final CountingUserRepository table = new CountingUserRepository();
    private final InMemoryUserCache cache = new InMemoryUserCache();
    private final CachingUserRepository users = new CachingUserRepository(table, cache, TTL);

    @Test
    void aCachedUserIsAnsweredWithoutReadingTheTable() {
        cache.users.put("user-1", ada());

        assertThat(users.find("user-1")).contains(ada());
        assertThat(table.finds).isZero();
    }

    @Test
    void aMissReadsTheTableAndCachesTheUserForTheTtl() {
        table.create(ada());

        assertThat(users.find("user-1")).contains(ada());
        assertThat(table.finds).isEqualTo(1);
        assertThat(cache.users).containsEntry("user-1", ada());
        assertThat(cache.ttls).containsEntry("user-1", TTL);

        assertThat(users.find("user-1")).contains(ada());
        assertThat(table.finds).as("the second read is a hit").isEqualTo(1);
    }

    @Test
    void anUnknownUserIsNotCached() {
        assertThat(users.find("user-9")).isEmpty();
        assertThat(table.finds).isEqualTo(1);
        assertThat(cache.users).isEmpty();
    }

    @Test
    void creatingAUserLeavesTheCacheAlone() {
        users.create(ada());

        assertThat(table.find("user-1")).contains(ada());
        assertThat(cache.users).isEmpty();
    }

    @Test
    void updatingAUserEvictsItSoTheNextReadSeesTheChange() {
        table.create(ada());
        users.find("user-1");

        Optional<User> updated = users.update("user-1", new UserDetails("Ada King", "ada.king@example.com"), CREATED.plusSeconds(60));

        assertThat(updated).map(User::name).contains("Ada King");
        assertThat(cache.evicted).containsExactly("user-1");
        assertThat(users.find("user-1")).map(User::name).contains("Ada King");
    }

    @Test
    void deletingAUserEvictsIt() {
        table.create(ada());
        users.find("user-1");

        assertThat(users.delete("user-1")).isTrue();
        assertThat(cache.evicted).containsExactly("user-1");
        assertThat(users.find("user-1")).isEmpty();
    }

    @Test
    void aCacheThatCannotBeReadDegradesToTheTable() {
        table.create(ada());
        cache.failure = new IllegalStateException("cache unreachable");

        assertThat(users.find("user-1")).contains(ada());
        assertThat(table.finds).isEqualTo(1);
    }

    @Test
    void aCacheThatCannotBeWrittenStillAnswersFromTheTable() {
        table.create(ada());
        UserCache readOnly = new UserCache() {
            @Override
            public Optional<User> get(String id) {
                return Optional.empty();
            }

            @Override
            public void put(User user, Duration ttl) {
                throw new IllegalStateException("cache out of memory");
            }

            @Override
            public void evict(String id) {
            }
        };

        assertThat(new CachingUserRepository(table, readOnly, TTL).find("user-1")).contains(ada());
    }

    @Test
    void changesSucceedWhenTheCacheCannotEvict() {
        table.create(ada());
        table.create(new User("user-2", "Grace Hopper", "grace@example.com", CREATED, CREATED));
        cache.failure = new IllegalStateException("cache unreachable");

        assertThat(users.update("user-1", new UserDetails("Ada King", "ada.king@example.com"), CREATED)).isPresent();
        assertThat(users.delete("user-2")).isTrue();
        assertThat(table.find("user-1")).map(User::name).contains("Ada King");
        assertThat(table.find("user-2")).isEmpty();
    }

    @Test
    void theUsersApiAnswersAReplacedUserWithItsNewDetails() {
        UsersHandler handler = new UsersHandler(users, new RecordingMetrics(), new SteppingClock(Duration.ofMinutes(1)), new Sequence("user"));
        table.create(ada());

        var before = handler.handleRequest(event("get-user.json"), new TestContext());
        var replaced = handler.handleRequest(event("update-user.json"), new TestContext());
        var after = handler.handleRequest(event("get-user.json"), new TestContext());

        assertThat(Responses.json(before).get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(replaced.getStatusCode()).isEqualTo(200);
        assertThat(Responses.json(after).get("name").asText()).isEqualTo("Ada King");
    }

    private static APIGatewayProxyRequestEvent event(String file) {
        return EventLoader.loadApiGatewayRestEvent("events/users/" + file);
    }

    private static User ada() {
        return new User("user-1", "Ada Lovelace", "ada@example.com", CREATED, CREATED);
    }

    /** The table, counting its reads. */
    private static final class CountingUserRepository implements UserRepository {

        private final InMemoryUserRepository users = new InMemoryUserRepository();
        int finds;

        @Override
        public void create(User user) {
            users.create(user);
        }

        @Override
        public Optional<User> find(String id) {
            finds++;
            return users.find(id);
        }

        @Override
        public Optional<User> update(String id, UserDetails details, Instant at) {
            return users.update(id, details, at);
        }

        @Override
        public boolean delete(String id) {
            return users.delete(id);
        }
    }
}
