package com.example.orders.config;

import com.example.orders.metrics.MetricNames;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/**
 * Publishes FeatureFlagEvaluations as an embedded-metric-format line, like the business metrics. The
 * flag and its value go in as metadata, which Logs Insights can group by, rather than as a dimension,
 * which would make a billed metric of every flag.
 */
public final class PowertoolsFlagEvaluations implements FlagEvaluations {

    private final Metrics metrics;

    PowertoolsFlagEvaluations(Metrics metrics) {
        this.metrics = metrics;
    }

    public static PowertoolsFlagEvaluations create(ServiceConfig config) {
        Metrics metrics = new EmfMetricsProvider().getMetricsInstance();
        metrics.setNamespace(config.metricsNamespace());
        metrics.setDefaultDimensions(DimensionSet.of(MetricNames.SERVICE_DIMENSION, config.serviceName()));
        return new PowertoolsFlagEvaluations(metrics);
    }

    @Override
    public void evaluated(String flag, boolean enabled) {
        metrics.flushMetrics(m -> {
            m.addMetric(MetricNames.FEATURE_FLAG_EVALUATIONS, 1, MetricUnit.COUNT);
            m.addMetadata("flag", flag);
            m.addMetadata("enabled", enabled);
        });
    }
}
