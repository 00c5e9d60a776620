package com.example.orders.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.orders.cache.CacheConnection;
import com.example.orders.cache.LocalCache;
import com.example.orders.testing.FakeValkey;
import io.lettuce.core.RedisCommandTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Lettuce cache against a fake server speaking the protocol on a loopback port: what goes over the wire. */
class RedisUserCacheTest {

    private static final Instant CREATED = Instant.parse("2026-02-01T08:00:00Z");
    private static final User ADA = new User("user-1", "Ada Lovelace", "ada@example.com", CREATED, CREATED.plusSeconds(5));

    @Test
    void aUserIsKeptAsJsonUnderItsIdWithTheTtl() throws Exception {
        try (FakeValkey valkey = new FakeValkey("t"); CacheConnection connection = LocalCache.connection(valkey.port(), "t")) {
            new RedisUserCache(connection).put(ADA, Duration.ofSeconds(300));

            assertThat(valkey.values).containsOnlyKeys("user:user-1");
            assertThat(valkey.expirySeconds).containsEntry("user:user-1", 300L);
            assertThat(valkey.values.get("user:user-1")).contains("\"email\":\"ada@example.com\"").contains("\"createdAt\":\"2026-02-01T08:00:00Z\"");
        }
    }

    @Test
    void aKeptUserIsReadBackAsItWasAndEvicted() throws Exception {
        try (FakeValkey valkey = new FakeValkey("t"); CacheConnection connection = LocalCache.connection(valkey.port(), "t")) {
            RedisUserCache cache = new RedisUserCache(connection);
            cache.put(ADA, Duration.ofSeconds(60));

            assertThat(cache.get("user-1")).contains(ADA);
            cache.evict("user-1");
            assertThat(cache.get("user-1")).isEmpty();
            assertThat(valkey.commandNames()).containsSubsequence("SET", "GET", "DEL", "GET");
        }
    }

    @Test
    void aConnectionThatStopsAnsweringIsReplacedByANewOne() throws Exception {
        try (FakeValkey valkey = new FakeValkey("t"); CacheConnection connection = LocalCache.connection(valkey.port(), "t")) {
            RedisUserCache cache = new RedisUserCache(connection);
            cache.put(ADA, Duration.ofSeconds(60));
            valkey.silent = true;

            assertThatThrownBy(() -> cache.get("user-1")).isInstanceOf(RedisCommandTimeoutException.class);
            valkey.silent = false;

            assertThat(cache.get("user-1")).contains(ADA);
            assertThat(valkey.commandNames().stream().filter("AUTH"::equals)).as("connections opened").hasSize(2);
        }
    }

    @Test
    void anUnreachableCacheLeavesTheTableToAnswer() throws Exception {
        InMemoryUserRepository table = new InMemoryUserRepository();
        table.create(ADA);
        try (CacheConnection connection = LocalCache.connection(LocalCache.closedPort(), "t")) {
            UserRepository users = new CachingUserRepository(table, new RedisUserCache(connection), Duration.ofSeconds(60));

            assertThat(users.find("user-1")).contains(ADA);
            assertThat(users.update("user-1", new UserDetails("Ada King", "ada.king@example.com"), CREATED)).isPresent();
            assertThat(users.find("user-1")).map(User::name).contains("Ada King");
        }
    }

    @Test
    void anEntryThatIsNotAUserDegradesToTheTable() throws Exception {
        InMemoryUserRepository table = new InMemoryUserRepository();
        table.create(ADA);
        try (FakeValkey valkey = new FakeValkey("t"); CacheConnection connection = LocalCache.connection(valkey.port(), "t")) {
            valkey.values.put("user:user-1", "{\"unexpected\": true}");
            UserRepository users = new CachingUserRepository(table, new RedisUserCache(connection), Duration.ofSeconds(60));

            assertThat(users.find("user-1")).contains(ADA);
            assertThat(valkey.values.get("user:user-1")).as("replaced by the table's state").contains("Ada Lovelace");
        }
    }
}
