package com.example.orders.config;

import java.util.List;
import java.util.Map;

/**
 * The flags GET /health reports: those the service was created with, each as this function sees it
 * now, cache included. It answers "has my flip reached the functions yet?" without a deployment.
 */
public final class FlagReport {

    /** The flags the Terraform creates, in the order they were chosen. */
    static final List<String> FLAGS = List.of("enable_real_time_analytics", "enable_advanced_caching", "enable_security_monitoring");

    private final FeatureFlags flags;
    private final List<String> names;

    public FlagReport(FeatureFlags flags, List<String> names) {
        this.flags = flags;
        this.names = List.copyOf(names);
    }

    /** Parameter Store as the function's environment names it; outside Lambda, without that name, nothing. */
    public static FlagReport fromEnvironment() {
        if (System.getenv(FeatureFlags.PREFIX_VARIABLE) == null) {
            return none();
        }
        return new FlagReport(FeatureFlags.fromEnvironment(ServiceConfig.fromEnvironment()), FLAGS);
    }

    /** For a function without flags to report: an empty report, with nothing read. */
    public static FlagReport none() {
        return new FlagReport(null, List.of());
    }

    public Map<String, Boolean> report() {
        return names.isEmpty() ? Map.of() : flags.states(names);
    }
}
