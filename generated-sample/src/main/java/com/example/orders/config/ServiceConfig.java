package com.example.orders.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything the functions read from their environment, read once at init and checked then, so a
 * misconfigured function fails to start with a clear message instead of failing requests later.
 * The Terraform sets every variable; the defaults let tests and local runs work without any.
 *
 * <p>Log levels are not here: Log4j reads {@code LOG_LEVEL} (see log4j2.xml) and Powertools reads
 * {@code POWERTOOLS_LOG_LEVEL}, which wins when both are set.
 *
 * @param serviceName      {@code POWERTOOLS_SERVICE_NAME}: the {@code Service} dimension of the metrics
 *                         and the {@code service} field of every log line
 * @param environment      {@code ENVIRONMENT}: dev, prod, ...
 * @param metricsNamespace {@code POWERTOOLS_METRICS_NAMESPACE}: the CloudWatch namespace of the metrics
 * @param region           {@code AWS_REGION}, set by Lambda itself
 * @param usersTable       {@code USERS_TABLE_NAME}
 * @param ordersTable      {@code ORDERS_TABLE_NAME}
 */
public record ServiceConfig(String serviceName, String environment, String metricsNamespace, String region,
                            String usersTable, String ordersTable) {

    public static final String SERVICE = "order-service";
    public static final String DEFAULT_REGION = "eu-west-1";

    /** What CloudWatch accepts in a namespace, and Powertools checks before every flush. */
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._#:/-]{1,255}");
    /** A metric dimension value may not contain blanks; keep the service name plain. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,250}");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9._-]{3,255}");

    public ServiceConfig {
        List<String> problems = new ArrayList<>();
        check(SERVICE_NAME, serviceName, "POWERTOOLS_SERVICE_NAME", problems);
        check(NAMESPACE, metricsNamespace, "POWERTOOLS_METRICS_NAMESPACE", problems);
        check(TABLE, usersTable, "USERS_TABLE_NAME", problems);
        check(TABLE, ordersTable, "ORDERS_TABLE_NAME", problems);
        if (environment.isBlank()) {
            problems.add("ENVIRONMENT is blank");
        }
        if (region.isBlank()) {
            problems.add("AWS_REGION is blank");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid configuration: " + String.join("; ", problems));
        }
    }

    public static ServiceConfig fromEnvironment() {
        return from(System.getenv());
    }

    /** Tables default to {@code <service>-<environment>-users} and {@code -orders}, as the Terraform names them. */
    public static ServiceConfig from(Map<String, String> env) {
        String environment = env.getOrDefault("ENVIRONMENT", "local");
        return new ServiceConfig(
                env.getOrDefault("POWERTOOLS_SERVICE_NAME", SERVICE),
                environment,
                env.getOrDefault("POWERTOOLS_METRICS_NAMESPACE", "launchpad/" + SERVICE),
                env.getOrDefault("AWS_REGION", DEFAULT_REGION),
                env.getOrDefault("USERS_TABLE_NAME", SERVICE + "-" + environment + "-users"),
                env.getOrDefault("ORDERS_TABLE_NAME", SERVICE + "-" + environment + "-orders"));
    }

    private static void check(Pattern pattern, String value, String variable, List<String> problems) {
        if (!pattern.matcher(value).matches()) {
            problems.add(variable + " must match " + pattern.pattern() + " but is \"" + value + "\"");
        }
    }
}
