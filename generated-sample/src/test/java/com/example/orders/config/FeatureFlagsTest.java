package com.example.orders.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class FeatureFlagsTest {

    private static final String PREFIX = "/order-service/dev/";

    private final CountingStore store = new CountingStore();
    private final ManualClock clock = new ManualClock();
    private final List<String> evaluations = new ArrayList<>();
    private final FeatureFlags flags = new FeatureFlags(store, PREFIX, Duration.ofSeconds(60), clock,
            (flag, enabled) -> evaluations.add(flag + "=" + enabled));

    @Test
    void aFlagIsOnOnlyWhenItsParameterSaysTrue() {
        store.values.putAll(Map.of("new_checkout", "true", "dark_mode", "false", "shouting", " TRUE ", "typo", "yes"));

        assertThat(flags.isEnabled("new_checkout")).isTrue();
        assertThat(flags.isEnabled("shouting")).isTrue();
        assertThat(flags.isEnabled("dark_mode")).isFalse();
        assertThat(flags.isEnabled("typo")).isFalse();
    }

    @Test
    void anUnknownFlagIsOff() {
        store.values.put("new_checkout", "true");

        assertThat(flags.isEnabled("no_such_flag")).isFalse();
    }

    @Test
    void flagsAreReadFromTheFeaturesPathOfTheStack() {
        flags.isEnabled("new_checkout");

        assertThat(store.paths).containsExactly(PREFIX + "features/");
    }

    @Test
    void checksWithinTheCacheTimeAreServedWithoutAnotherRead() {
        store.values.put("new_checkout", "true");

        flags.isEnabled("new_checkout");
        clock.advance(Duration.ofSeconds(59));
        flags.isEnabled("new_checkout");
        flags.isEnabled("dark_mode");

        assertThat(store.paths).hasSize(1);
    }

    @Test
    void aChangedFlagTakesEffectOnceTheCacheTimeIsOver() {
        store.values.put("new_checkout", "false");
        assertThat(flags.isEnabled("new_checkout")).isFalse();

        store.values.put("new_checkout", "true");
        clock.advance(Duration.ofSeconds(30));
        assertThat(flags.isEnabled("new_checkout")).as("still cached").isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(flags.isEnabled("new_checkout")).as("read again").isTrue();
        assertThat(store.paths).hasSize(2);
    }

    @Test
    void whenParameterStoreFailsTheFlagsReadLastStayAndTheNextReadWaitsForTheCacheTime() {
        store.values.put("new_checkout", "true");
        flags.isEnabled("new_checkout");

        store.failing = true;
        clock.advance(Duration.ofSeconds(60));
        assertThat(flags.isEnabled("new_checkout")).isTrue();
        assertThat(flags.isEnabled("new_checkout")).isTrue();
        assertThat(store.paths).as("one failed read, not one per check").hasSize(2);
    }

    @Test
    void withoutAnyFlagReadEveryFlagIsOff() {
        store.failing = true;

        assertThat(flags.isEnabled("new_checkout")).isFalse();
    }

    @Test
    void everyCheckIsCountedWithItsResult() {
        store.values.put("new_checkout", "true");

        flags.isEnabled("new_checkout");
        flags.isEnabled("new_checkout");
        flags.isEnabled("dark_mode");

        assertThat(evaluations).containsExactly("new_checkout=true", "new_checkout=true", "dark_mode=false");
    }

    @Test
    void aCacheTimeOfZeroReadsOnEveryCheck() {
        FeatureFlags uncached = new FeatureFlags(store, PREFIX, Duration.ZERO, clock, (flag, enabled) -> { });

        uncached.isEnabled("new_checkout");
        uncached.isEnabled("new_checkout");

        assertThat(store.paths).hasSize(2);
    }

    @Test
    void prefixAndCacheTimeComeFromTheEnvironment() {
        ServiceConfig config = ServiceConfig.from(Map.of("ENVIRONMENT", "prod"));
        FeatureFlags fromEnvironment = FeatureFlags.from(
                Map.of(FeatureFlags.PREFIX_VARIABLE, "/other/prod/", FeatureFlags.CACHE_SECONDS_VARIABLE, "5"),
                config, store, clock, (flag, enabled) -> { });

        fromEnvironment.isEnabled("new_checkout");
        clock.advance(Duration.ofSeconds(5));
        fromEnvironment.isEnabled("new_checkout");

        assertThat(store.paths).containsExactly("/other/prod/features/", "/other/prod/features/");
    }

    @Test
    void withoutAPrefixTheStackPathOfTheEnvironmentIsUsed() {
        ServiceConfig config = ServiceConfig.from(Map.of("ENVIRONMENT", "prod"));

        FeatureFlags.from(Map.of(), config, store, clock, (flag, enabled) -> { }).isEnabled("new_checkout");

        assertThat(store.paths).containsExactly("/order-service/prod/features/");
    }

    @Test
    void aPrefixWithoutSlashesIsRefused() {
        assertThatThrownBy(() -> new FeatureFlags(store, "no-slashes", Duration.ZERO, clock, (flag, enabled) -> { }))
                .hasMessageContaining(FeatureFlags.PREFIX_VARIABLE);
    }

    /** Parameters in a map; records each path read and can be made to fail. */
    private static final class CountingStore implements ParameterStore {

        final Map<String, String> values = new ConcurrentHashMap<>();
        final List<String> paths = new ArrayList<>();
        boolean failing;

        @Override
        public Map<String, String> byPath(String path) {
            paths.add(path);
            if (failing) {
                throw new IllegalStateException("Parameter Store is unreachable");
            }
            return Map.copyOf(values);
        }
    }

    /** A clock that stands still until a test moves it on. */
    private static final class ManualClock extends Clock {

        private Instant now = Instant.parse("2026-03-01T10:15:30Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("tests use UTC");
        }
    }
}
