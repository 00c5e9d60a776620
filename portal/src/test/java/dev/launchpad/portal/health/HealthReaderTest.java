package dev.launchpad.portal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthReaderTest {

    static final Target PROD = new Target("111122223333", "eu-west-1");
    static final Target DEV = new Target("444455556666", "eu-west-1");

    final ExecutorService loads = Executors.newVirtualThreadPerTaskExecutor();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    final List<String> sweeps = new ArrayList<>();

    @AfterEach
    void stop() {
        loads.shutdownNow();
    }

    /** A source with one account for prod and another for dev, and a few alarms in each. */
    HealthSource source(List<String> alarmNames) {
        return new HealthSource() {
            public boolean demo() {
                return false;
            }

            public Optional<Target> target(String environment) {
                return switch (environment) {
                    case "prod" -> Optional.of(PROD);
                    case "dev" -> Optional.of(DEV);
                    default -> Optional.empty();
                };
            }

            public List<Resource> discover(Target target, Stack stack) {
                return List.of();
            }

            public List<Alarm> alarms(Target target, String namePrefix) {
                synchronized (sweeps) {
                    sweeps.add(target.account() + ":" + namePrefix);
                }
                return alarmNames.stream().filter(n -> n.startsWith(namePrefix))
                        .map(n -> new Alarm(n, false, AlarmState.OK, "", clock.instant(), "")).toList();
            }

            public Map<MetricQuery, TimeSeries> metrics(Target target, List<MetricQuery> queries, Range.Window window) {
                return Map.of();
            }
        };
    }

    @Test
    void anAlarmBelongsToTheStackWithTheLongestMatchingPrefix() {
        Set<String> prefixes = Set.of("order-prod-", "order-prod-eu-prod-", "billing-prod-");

        assertThat(HealthReader.owner("order-prod-users-errors", prefixes)).hasValue("order-prod-");
        assertThat(HealthReader.owner("order-prod-eu-prod-api-5xx", prefixes)).hasValue("order-prod-eu-prod-");
        assertThat(HealthReader.owner("someone-else-prod-x", prefixes)).isEmpty();
        assertThat(HealthReader.commonPrefix(List.of("order-prod-", "order-dev-", "orders-prod-"))).isEqualTo("order");
    }

    @Test
    void eachAccountAndRegionIsSweptOnceByThePrefixItsStacksShare() {
        List<Stack> watched = List.of(new Stack("order", "prod"), new Stack("order", "dev"), new Stack("orders", "prod"),
                new Stack("order", "staging"));
        HealthReader reader = new HealthReader(source(List.of("order-prod-users-errors", "orders-prod-api-5xx",
                "order-dev-users-errors", "order-prod-eu-x")), clock, loads, () -> watched);

        var first = reader.alarms(List.of(new Stack("order", "prod")), Duration.ofSeconds(5));
        var all = reader.alarms(watched, Duration.ofSeconds(5));

        assertThat(sweeps).containsExactlyInAnyOrder("111122223333:order", "444455556666:order-dev-");
        assertThat(first.get(new Stack("order", "prod")).value()).extracting(Alarm::name)
                .containsExactly("order-prod-users-errors", "order-prod-eu-x");
        assertThat(all.get(new Stack("orders", "prod")).value()).extracting(Alarm::name).containsExactly("orders-prod-api-5xx");
        assertThat(all).doesNotContainKey(new Stack("order", "staging"));

        clock.advance(Duration.ofSeconds(61));
        reader.alarms(watched, Duration.ofSeconds(5));
        assertThat(sweeps).hasSize(4);
    }
}
