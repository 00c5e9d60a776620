package com.example.orders.streams;

import com.example.orders.config.ServiceConfig;
import com.example.orders.metrics.MetricNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/** Stream metrics as embedded metric format lines, like the other business metrics (PowertoolsBusinessMetrics). */
public final class PowertoolsStreamMetrics implements StreamMetrics {

    /** CloudWatch takes data points up to two weeks old; the margin covers the time to deliver the line. */
    private static final Duration OLDEST_TIMESTAMP = Duration.ofDays(14).minusHours(1);

    private final Metrics metrics;
    private final String service;
    private final Clock clock;

    PowertoolsStreamMetrics(Metrics metrics, String service, Clock clock) {
        this.metrics = metrics;
        this.service = service;
        this.clock = clock;
    }

    public static PowertoolsStreamMetrics create(ServiceConfig config) {
        Metrics metrics = new EmfMetricsProvider().getMetricsInstance();
        metrics.setNamespace(config.metricsNamespace());
        metrics.setDefaultDimensions(DimensionSet.of(MetricNames.SERVICE_DIMENSION, config.serviceName()));
        return new PowertoolsStreamMetrics(metrics, config.serviceName(), Clock.systemUTC());
    }

    @Override
    public void orderEventNotPublished() {
        metrics.flushMetrics(m -> m.addMetric(MetricNames.ORDER_EVENT_PUBLISH_FAILURES, 1, MetricUnit.COUNT));
    }

    @Override
    public void userActivityNotPublished() {
        metrics.flushMetrics(m -> m.addMetric(MetricNames.USER_ACTIVITY_PUBLISH_FAILURES, 1, MetricUnit.COUNT));
    }

    @Override
    public void orderEventProcessed() {
        metrics.flushMetrics(m -> m.addMetric(MetricNames.ORDER_EVENTS_PROCESSED, 1, MetricUnit.COUNT));
    }

    /**
     * Timestamped at the window's start, so each aggregate lands in the period it describes however late
     * the window closes. Each shard has its own windows: a graph's Sum over the window length is the
     * whole stream's total.
     */
    @Override
    public void windowClosed(Instant windowStart, WindowTotals totals) {
        metrics.flushMetrics(m -> {
            stamp(m, windowStart);
            m.addMetric(MetricNames.ORDERS_PER_WINDOW, totals.orders(), MetricUnit.COUNT);
        });
        // One dimension set of Service and Currency together: added on its own, Currency would be a second
        // set, and the revenue of every currency would also be summed under Service alone.
        totals.revenueCents().forEach((currency, cents) -> metrics.flushMetrics(m -> {
            stamp(m, windowStart);
            m.clearDefaultDimensions();
            m.addDimension(DimensionSet.of(MetricNames.SERVICE_DIMENSION, service, MetricNames.CURRENCY_DIMENSION, currency));
            m.addMetric(MetricNames.REVENUE_PER_WINDOW, cents, MetricUnit.NONE);
        }));
    }

    /**
     * A window older than CloudWatch accepts (a consumer weeks behind its stream) keeps the time of
     * writing: Powertools refuses older timestamps, and a final invocation that fails holds up its shard.
     */
    private void stamp(Metrics m, Instant windowStart) {
        if (windowStart.isAfter(clock.instant().minus(OLDEST_TIMESTAMP))) {
            m.setTimestamp(windowStart);
        }
    }
}
