package com.example.orders.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.orders.testing.FakeValkey;
import com.example.orders.testing.SteppingClock;
import io.lettuce.core.RedisConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheConnectionTest {

    @Test
    void authenticatesWithTheTokenAloneBeforeAnyCommand() throws Exception {
        try (FakeValkey valkey = new FakeValkey("s3cret-token"); CacheConnection connection = LocalCache.connection(valkey.port(), "s3cret-token")) {
            assertThat(connection.commands().get("user:nobody")).isNull();

            assertThat(valkey.commands.getFirst()).containsExactly("AUTH", "s3cret-token");
            assertThat(valkey.commandNames()).doesNotContain("HELLO").endsWith("GET");
        }
    }

    @Test
    void keepsOneConnectionForEveryCommand() throws Exception {
        try (FakeValkey valkey = new FakeValkey("t"); CacheConnection connection = LocalCache.connection(valkey.port(), "t")) {
            connection.commands().set("a", "1");
            connection.commands().get("a");

            assertThat(valkey.commandNames().stream().filter("AUTH"::equals)).hasSize(1);
        }
    }

    @Test
    void aWrongTokenFailsTheConnection() throws Exception {
        try (FakeValkey valkey = new FakeValkey("right"); CacheConnection connection = LocalCache.connection(valkey.port(), "wrong")) {
            assertThatThrownBy(connection::commands).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void anUnreachableCacheIsTriedAgainOnlyAfterAPause() throws Exception {
        // Each reading of the clock is ten seconds later: attempts at 0 s and 30 s, none at 10 s and 20 s.
        try (CacheConnection connection = LocalCache.connection(LocalCache.closedPort(), "t", new SteppingClock(Duration.ofSeconds(10)))) {
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                try {
                    connection.commands();
                    outcomes.add("connected");
                } catch (CacheUnavailableException e) {
                    outcomes.add("not tried");
                } catch (RedisConnectionException e) {
                    outcomes.add("refused");
                }
            }

            assertThat(CacheConnection.RETRY_AFTER).isEqualTo(Duration.ofSeconds(30));
            assertThat(outcomes).containsExactly("refused", "not tried", "not tried", "refused");
        }
    }

    @Test
    void aDiscardedConnectionIsOpenedAgainOnNextUse() throws Exception {
        try (FakeValkey valkey = new FakeValkey("t"); CacheConnection connection = LocalCache.connection(valkey.port(), "t")) {
            connection.commands().get("a");
            connection.discard();
            connection.commands().get("a");

            assertThat(valkey.commandNames().stream().filter("AUTH"::equals)).hasSize(2);
        }
    }
}
