package com.example.orders.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.orders.health.Health;
import com.example.orders.http.Json;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsReadinessTest {

    private static final SecretNames NAMES = SecretNames.from(Map.of(
            "DATABASE_SECRET_ARN", "db-arn", "API_KEYS_SECRET_ARN", "keys-arn", "JWT_SECRET_ARN", "jwt-arn",
            "SECRETS_CACHE_SECONDS", "60"));

    @Test
    void reportsEachSecretAsSetPlaceholderOrUnreadableWithoutItsValue() {
        Map<String, String> values = Map.of(
                "db-arn", "{\"username\":\"SET-ME\",\"password\":\"SET-ME\"}",
                "jwt-arn", "k7Q2mV9xLp3RtY8wZc4NbH6jFd1GsA5e");
        Secrets secrets = new CachedSecrets(id -> {
            if (!values.containsKey(id)) {
                throw new IllegalStateException("AccessDenied");
            }
            return values.get(id);
        }, Duration.ofMinutes(1), new ManualClock());

        Map<String, String> report = new SecretsReadiness(secrets, NAMES).report();

        assertThat(report).containsExactly(
                Map.entry("api_keys", "unreadable"), Map.entry("database", "placeholder"), Map.entry("jwt", "set"));
    }

    @Test
    void aFunctionWithoutSecretVariablesReportsNone() {
        SecretNames none = SecretNames.from(Map.of());

        assertThat(new SecretsReadiness(id -> {
            throw new AssertionError("nothing may be read");
        }, none).report()).isEmpty();
        assertThat(none.cacheTime()).isEqualTo(SecretNames.DEFAULT_CACHE_TIME);
    }

    @Test
    void theCacheTimeComesFromTheEnvironment() {
        assertThat(NAMES.cacheTime()).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> SecretNames.from(Map.of("SECRETS_CACHE_SECONDS", "soon")))
                .hasMessageContaining("SECRETS_CACHE_SECONDS");
    }

    @Test
    void theHealthAnswerCarriesTheUsualFieldsAndTheSecrets() throws Exception {
        Health health = new Health("ok", "svc", "dev", "1.0.0", "Takes orders");

        var json = Json.MAPPER.readTree(Json.write(new SecretsHealth(health, Map.of("jwt", "set"))));

        assertThat(json.get("status").asText()).isEqualTo("ok");
        assertThat(json.get("environment").asText()).isEqualTo("dev");
        assertThat(json.get("secrets").get("jwt").asText()).isEqualTo("set");
    }
}
