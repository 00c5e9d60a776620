package dev.launchpad.portal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.portal.health.Alarm;
import dev.launchpad.portal.health.HealthReader;
import dev.launchpad.portal.health.MetricQuery;
import dev.launchpad.portal.health.MutableClock;
import dev.launchpad.portal.health.Range;
import dev.launchpad.portal.health.Reading;
import dev.launchpad.portal.health.Stack;
import dev.launchpad.portal.health.Target;
import dev.launchpad.portal.health.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * What one refresh of a whole organisation costs AWS: 200 services with 30 metrics each and 15 alarms each,
 * in one account and region, read through the portal's cache and the real SDK clients against the stub.
 * Counts calls (deterministic), and prints them with the time they took (informative only). Run it with
 * {@code mvn -pl portal test -Dtest=RefreshCostBenchmark}.
 */
class RefreshCostBenchmark {

    static final int SERVICES = 200;
    static final int METRICS_PER_SERVICE = 30;
    static final int ALARMS_PER_SERVICE = 15;
    static final Target PROD = new Target("111122223333", "eu-west-1");
    /** CloudWatch's price per metric requested with GetMetricData: $0.01 per 1,000. */
    static final double DOLLARS_PER_METRIC = 0.01 / 1000;

    @Test
    void oneRefreshOf200ServicesTimes30MetricsIs12GetMetricDataCallsAndOneAlarmSweep() {
        try (AwsStub stub = AwsStub.start();
             AwsHealthSource source = new AwsHealthSource(AwsSettings.parse("prod=111122223333:eu-west-1", null,
                     stub.endpoint().toString(), "120000", new ArrayList<>()), AwsHealthSourceTest.FAKE);
             ExecutorService loads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Stack> stacks = new ArrayList<>();
            List<MetricQuery> queries = new ArrayList<>();
            Instant since = Instant.parse("2026-11-27T00:00:00Z");
            for (int s = 0; s < SERVICES; s++) {
                Stack stack = new Stack(String.format("svc%03d", s), "prod");
                stacks.add(stack);
                for (int m = 0; m < METRICS_PER_SERVICE; m++) {
                    queries.add(MetricQuery.of("AWS/Lambda", m % 2 == 0 ? "Invocations" : "Errors", "Sum",
                            Map.of("FunctionName", stack.prefix() + "fn" + m)));
                }
                for (int a = 0; a < ALARMS_PER_SERVICE; a++) {
                    stub.alarm(stack.prefix() + "alarm-" + a, a == 0 && s % 10 == 0 ? "ALARM" : "OK", "r", since);
                }
            }
            MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
            HealthReader reader = new HealthReader(source, clock, loads, () -> stacks);
            Duration wait = Duration.ofMinutes(5);

            long started = System.nanoTime();
            Map<MetricQuery, Reading<TimeSeries>> metrics = reader.metrics(PROD, queries, Range.H1, wait);
            long metricsMs = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            Map<Stack, Reading<List<Alarm>>> alarms = reader.alarms(stacks, wait);
            long alarmsMs = (System.nanoTime() - started) / 1_000_000;

            long cachedMicros = 0;
            long cachedCpuMicros = 0;
            int getMetricData = stub.count(AwsStub.GET_METRIC_DATA);
            int describeAlarms = stub.count(AwsStub.DESCRIBE_ALARMS);
            int requested = stub.requests(AwsStub.GET_METRIC_DATA).stream().mapToInt(AwsStub.Request::queryCount).sum();
            assertThat(metrics.values()).allSatisfy(r -> assertThat(r.fresh()).isTrue());
            assertThat(getMetricData).isEqualTo((SERVICES * METRICS_PER_SERVICE + 499) / 500).isEqualTo(12);
            assertThat(requested).isEqualTo(6000);
            assertThat(describeAlarms).isEqualTo(SERVICES * ALARMS_PER_SERVICE / 100);
            assertThat(alarms.values()).allSatisfy(r -> assertThat(r.value()).hasSize(ALARMS_PER_SERVICE));

            // everyone else looking within the same bucket: no AWS calls at all
            stub.reset();
            var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int round = 0; round < 2; round++) {
                // the first round warms the JIT up; the second is measured
                started = System.nanoTime();
                long cpuStarted = cpu.getCurrentThreadCpuTime();
                for (int viewer = 0; viewer < 1000; viewer++) {
                    int s = viewer % SERVICES;
                    reader.metrics(PROD, queries.subList(METRICS_PER_SERVICE * s, METRICS_PER_SERVICE * (s + 1)), Range.H1, wait);
                    reader.alarms(List.of(stacks.get(s)), wait);
                }
                cachedMicros = (System.nanoTime() - started) / 1000 / 1000;
                cachedCpuMicros = (cpu.getCurrentThreadCpuTime() - cpuStarted) / 1000 / 1000;
            }
            assertThat(stub.requests()).isEmpty();

            System.out.printf("""
                    refresh of %d services x %d metrics, %d alarms, one account and region, 1h at 60 s:
                      GetMetricData calls   %d (%d metrics requested, %d per call at most) in %d ms
                      DescribeAlarms calls  %d (one sweep, %d alarms, 100 a page, paced %d ms apart) in %d ms
                      metric bill per refresh  $%.4f (at $0.01 per 1,000 metrics)
                      a viewer within the same bucket: 0 AWS calls, %d us per service view (alarms + 30 metrics), %d us of CPU
                    %n""", SERVICES, METRICS_PER_SERVICE, SERVICES * ALARMS_PER_SERVICE, getMetricData, requested,
                    AwsHealthSource.MAX_QUERIES_PER_CALL, metricsMs, describeAlarms, SERVICES * ALARMS_PER_SERVICE,
                    AwsHealthSource.DESCRIBE_ALARMS_SPACING_MS, alarmsMs, requested * DOLLARS_PER_METRIC, cachedMicros, cachedCpuMicros);
        }
    }
}
