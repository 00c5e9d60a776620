package dev.launchpad.blueprint.contract;

import java.util.List;

/**
 * The names of one stack (a service in one environment) that the generated Terraform gives and the
 * portal looks up: every alarm, dashboard and budget name starts with {@link #prefix()}.
 */
public record StackNames(String service, String environment) {

    /** Dashboard kinds: each stack with monitoring has {@code <prefix><kind>}. */
    public static final List<String> DASHBOARDS = List.of("overview", "business-metrics", "performance");

    /** Alert topic tiers: each stack with monitoring has {@code <prefix><tier>-alerts}. */
    public static final List<String> ALERT_TIERS = List.of("critical", "warning", "info");

    /** The dimension Powertools puts on every business metric; its value is {@link #metricsServiceDimension()}. */
    public static final String METRICS_DIMENSION = "Service";

    /** {@code order-service-prod-}. */
    public String prefix() {
        return service + "-" + environment + "-";
    }

    public String dashboard(String kind) {
        if (!DASHBOARDS.contains(kind)) {
            throw new IllegalArgumentException("no dashboard kind " + kind + "; the kinds are " + DASHBOARDS);
        }
        return prefix() + kind;
    }

    public String alertTopic(String tier) {
        if (!ALERT_TIERS.contains(tier)) {
            throw new IllegalArgumentException("no alert tier " + tier + "; the tiers are " + ALERT_TIERS);
        }
        return prefix() + tier + "-alerts";
    }

    /** The monthly budget of the budgets feature. */
    public String budget() {
        return prefix() + "monthly";
    }

    /** CloudWatch namespace of the service's business metrics (the same in every environment). */
    public String metricsNamespace() {
        return "launchpad/" + service;
    }

    /** Value of the {@code Service} dimension of the business metrics: POWERTOOLS_SERVICE_NAME. */
    public String metricsServiceDimension() {
        return service + "-" + environment;
    }
}
