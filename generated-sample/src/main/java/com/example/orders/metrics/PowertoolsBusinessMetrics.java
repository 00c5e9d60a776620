package com.example.orders.metrics;

import com.example.orders.config.ServiceConfig;
import java.time.Duration;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/**
 * Business metrics as CloudWatch embedded metric format (EMF) lines on stdout: in Lambda, CloudWatch
 * Logs turns them into metrics, with no API call on the request path.
 */
public final class PowertoolsBusinessMetrics implements BusinessMetrics {

    private final Metrics metrics;

    PowertoolsBusinessMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Uses its own Powertools metrics instance rather than MetricsFactory's shared one: the shared one
     * keeps a context per X-Ray trace until flush() and warns on each flush that has nothing to send,
     * while each event here is flushed on its own. The namespace is always set, because Powertools
     * refuses to flush without one.
     */
    public static PowertoolsBusinessMetrics create(ServiceConfig config) {
        Metrics metrics = new EmfMetricsProvider().getMetricsInstance();
        metrics.setNamespace(config.metricsNamespace());
        metrics.setDefaultDimensions(DimensionSet.of(MetricNames.SERVICE_DIMENSION, config.serviceName()));
        return new PowertoolsBusinessMetrics(metrics);
    }

    @Override
    public void userCreated() {
        metrics.flushMetrics(m -> m.addMetric(MetricNames.USERS_CREATED, 1, MetricUnit.COUNT));
    }

    @Override
    public void orderCreated(Duration processingTime) {
        metrics.flushMetrics(m -> {
            m.addMetric(MetricNames.ORDERS_CREATED, 1, MetricUnit.COUNT);
            m.addMetric(MetricNames.ORDER_PROCESSING_TIME, processingTime.toMillis(), MetricUnit.MILLISECONDS);
        });
    }

    @Override
    public void orderCancelled() {
        metrics.flushMetrics(m -> m.addMetric(MetricNames.ORDERS_CANCELLED, 1, MetricUnit.COUNT));
    }
}
