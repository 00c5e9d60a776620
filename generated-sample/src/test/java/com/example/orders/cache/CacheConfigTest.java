package com.example.orders.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheConfigTest {

    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/cache/auth-token-AbCdEf";

    @Test
    void thereIsNoCacheWhenNoEndpointIsSet() {
        assertThat(CacheConfig.from(Map.of())).isEmpty();
        assertThat(CacheConfig.from(Map.of("REDIS_ENDPOINT", " "))).isEmpty();
    }

    @Test
    void readsEveryVariableTheDeploymentSets() {
        var config = CacheConfig.from(Map.of(
                "REDIS_ENDPOINT", "master.orders-prod-cache.abc123.euw1.cache.amazonaws.com:6379",
                "REDIS_AUTH_SECRET_ARN", SECRET_ARN,
                "CACHE_TTL_SECONDS", "120"));

        assertThat(config).contains(new CacheConfig(
                "master.orders-prod-cache.abc123.euw1.cache.amazonaws.com", 6379, SECRET_ARN, Duration.ofSeconds(120)));
    }

    @Test
    void theTtlDefaultsToTheOneChosenWhenTheServiceWasCreated() {
        var config = CacheConfig.from(Map.of("REDIS_ENDPOINT", "localhost:6379", "REDIS_AUTH_SECRET_ARN", SECRET_ARN));

        assertThat(config).map(CacheConfig::ttl).contains(Duration.ofSeconds(300));
    }

    @Test
    void refusesAnEndpointWithoutAPort() {
        assertThatThrownBy(() -> CacheConfig.from(Map.of("REDIS_ENDPOINT", "localhost", "REDIS_AUTH_SECRET_ARN", SECRET_ARN)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REDIS_ENDPOINT must be host:port");
    }

    @Test
    void refusesAnEndpointWithoutTheSecretOfItsToken() {
        assertThatThrownBy(() -> CacheConfig.from(Map.of("REDIS_ENDPOINT", "localhost:6379")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REDIS_AUTH_SECRET_ARN");
    }

    @Test
    void namesEveryProblemAtOnce() {
        assertThatThrownBy(() -> CacheConfig.from(Map.of(
                "REDIS_ENDPOINT", "localhost:70000", "REDIS_AUTH_SECRET_ARN", "token", "CACHE_TTL_SECONDS", "0")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port")
                .hasMessageContaining("REDIS_AUTH_SECRET_ARN")
                .hasMessageContaining("CACHE_TTL_SECONDS");
    }

    @Test
    void refusesATtlThatIsNotANumber() {
        assertThatThrownBy(() -> CacheConfig.from(Map.of(
                "REDIS_ENDPOINT", "localhost:6379", "REDIS_AUTH_SECRET_ARN", SECRET_ARN, "CACHE_TTL_SECONDS", "5m")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CACHE_TTL_SECONDS must be a whole number");
    }
}
