package com.example.orders.testing;

import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;

/**
 * Outside Lambda, the embedded-metrics library behind Powertools looks for an EC2 host or a CloudWatch
 * agent to send metrics to. Tests that publish metrics call this first, so the metrics go to stdout as
 * they do in Lambda, whatever runs the tests.
 */
public final class LocalMetrics {

    private LocalMetrics() {
    }

    public static void writeToStdout() {
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
    }
}
