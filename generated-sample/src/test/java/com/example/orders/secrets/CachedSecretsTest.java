package com.example.orders.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CachedSecretsTest {

    private static final String JWT = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:svc/dev/jwt/signing-AbCdEf";
    private static final String DATABASE = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:svc/dev/database/credentials-AbCdEf";

    private final Map<String, String> values = new HashMap<>(Map.of(JWT, "key-1", DATABASE, "{\"username\":\"app\"}"));
    private final List<String> reads = new ArrayList<>();
    private boolean failing;
    private final ManualClock clock = new ManualClock();
    private final CachedSecrets secrets = new CachedSecrets(id -> {
        reads.add(id);
        if (failing) {
            throw new IllegalStateException("Secrets Manager is unreachable");
        }
        if (!values.containsKey(id)) {
            throw new IllegalStateException("no such secret");
        }
        return values.get(id);
    }, Duration.ofMinutes(5), clock);

    @Test
    void aSecretIsReadOnceAndThenServedFromTheCache() {
        assertThat(secrets.get(JWT)).isEqualTo("key-1");
        clock.advance(Duration.ofMinutes(4));
        assertThat(secrets.get(JWT)).isEqualTo("key-1");

        assertThat(reads).containsExactly(JWT);
    }

    @Test
    void eachSecretIsCachedOnItsOwn() {
        secrets.get(JWT);
        secrets.get(DATABASE);
        secrets.get(JWT);
        secrets.get(DATABASE);

        assertThat(reads).containsExactly(JWT, DATABASE);
    }

    @Test
    void aRotatedValueArrivesOnceTheCacheTimeIsOver() {
        secrets.get(JWT);
        values.put(JWT, "key-2");

        clock.advance(Duration.ofMinutes(4));
        assertThat(secrets.get(JWT)).isEqualTo("key-1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(secrets.get(JWT)).isEqualTo("key-2");
        assertThat(reads).hasSize(2);
    }

    @Test
    void whenARereadFailsTheEarlierValueStaysUntilTheNextCacheTime() {
        secrets.get(JWT);
        failing = true;
        clock.advance(Duration.ofMinutes(5));

        assertThat(secrets.get(JWT)).isEqualTo("key-1");
        assertThat(secrets.get(JWT)).isEqualTo("key-1");
        assertThat(reads).as("one failed read, not one per request").hasSize(2);
    }

    @Test
    void aSecretThatWasNeverReadFailsClearly() {
        assertThatThrownBy(() -> secrets.get("svc/dev/unknown"))
                .isInstanceOf(SecretUnavailableException.class)
                .hasMessageContaining("svc/dev/unknown");
    }

    @Test
    void aCacheTimeOfZeroReadsEveryTime() {
        CachedSecrets uncached = new CachedSecrets(id -> {
            reads.add(id);
            return "v";
        }, Duration.ZERO, clock);

        uncached.get(JWT);
        uncached.get(JWT);

        assertThat(reads).hasSize(2);
    }
}
