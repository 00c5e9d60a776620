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
 * @param orderEventsStream    {@code ORDER_EVENTS_STREAM_NAME}: the Kinesis stream order events go to
 * @param userActivityStream   {@code USER_ACTIVITY_STREAM_NAME}: the Kinesis stream user activity goes to
 * @param processedEventsTable {@code PROCESSED_EVENTS_TABLE_NAME}: the order events the consumer has processed
 * @param orderEventsRetentionHours {@code ORDER_EVENTS_RETENTION_HOURS}: how long the stream keeps records,
 *                             and so how long one may be delivered again
 * @param eventStoreTable   {@code EVENT_STORE_TABLE_NAME}: every change of users and orders, as events
 * @param orderSummaryTable {@code ORDER_SUMMARY_TABLE_NAME}: the per-user order summary projection
 */
public record ServiceConfig(String serviceName, String environment, String metricsNamespace, String region,
                            String usersTable, String ordersTable,
                            String orderEventsStream, String userActivityStream, String processedEventsTable,
                            int orderEventsRetentionHours,
                            String eventStoreTable, String orderSummaryTable) {

    public static final String SERVICE = "order-service";
    public static final String DEFAULT_REGION = "eu-west-1";

    /** What CloudWatch accepts in a namespace, and Powertools checks before every flush. */
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._#:/-]{1,255}");
    /** A metric dimension value may not contain blanks; keep the service name plain. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,250}");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9._-]{3,255}");
    private static final Pattern STREAM = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public ServiceConfig {
        List<String> problems = new ArrayList<>();
        check(SERVICE_NAME, serviceName, "POWERTOOLS_SERVICE_NAME", problems);
        check(NAMESPACE, metricsNamespace, "POWERTOOLS_METRICS_NAMESPACE", problems);
        check(TABLE, usersTable, "USERS_TABLE_NAME", problems);
        check(TABLE, ordersTable, "ORDERS_TABLE_NAME", problems);
        check(STREAM, orderEventsStream, "ORDER_EVENTS_STREAM_NAME", problems);
        check(STREAM, userActivityStream, "USER_ACTIVITY_STREAM_NAME", problems);
        check(TABLE, processedEventsTable, "PROCESSED_EVENTS_TABLE_NAME", problems);
        if (orderEventsRetentionHours < 24) {
            problems.add("ORDER_EVENTS_RETENTION_HOURS must be at least 24 but is " + orderEventsRetentionHours);
        }
        check(TABLE, eventStoreTable, "EVENT_STORE_TABLE_NAME", problems);
        check(TABLE, orderSummaryTable, "ORDER_SUMMARY_TABLE_NAME", problems);
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

    /** Tables (and streams) default to {@code <service>-<environment>-users}, {@code -orders} and so on, as the Terraform names them. */
    public static ServiceConfig from(Map<String, String> env) {
        String environment = env.getOrDefault("ENVIRONMENT", "local");
        return new ServiceConfig(
                env.getOrDefault("POWERTOOLS_SERVICE_NAME", SERVICE),
                environment,
                env.getOrDefault("POWERTOOLS_METRICS_NAMESPACE", "launchpad/" + SERVICE),
                env.getOrDefault("AWS_REGION", DEFAULT_REGION),
                env.getOrDefault("USERS_TABLE_NAME", SERVICE + "-" + environment + "-users"),
                env.getOrDefault("ORDERS_TABLE_NAME", SERVICE + "-" + environment + "-orders"),
                env.getOrDefault("ORDER_EVENTS_STREAM_NAME", SERVICE + "-" + environment + "-order-events"),
                env.getOrDefault("USER_ACTIVITY_STREAM_NAME", SERVICE + "-" + environment + "-user-activity"),
                env.getOrDefault("PROCESSED_EVENTS_TABLE_NAME", SERVICE + "-" + environment + "-processed-order-events"),
                hours(env.getOrDefault("ORDER_EVENTS_RETENTION_HOURS", "24"), "ORDER_EVENTS_RETENTION_HOURS"),
                env.getOrDefault("EVENT_STORE_TABLE_NAME", SERVICE + "-" + environment + "-event-store"),
                env.getOrDefault("ORDER_SUMMARY_TABLE_NAME", SERVICE + "-" + environment + "-order-summary"));
    }

    private static int hours(String value, String variable) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Invalid configuration: " + variable + " must be a whole number of hours but is \"" + value + "\"");
        }
    }

    private static void check(Pattern pattern, String value, String variable, List<String> problems) {
        if (!pattern.matcher(value).matches()) {
            problems.add(variable + " must match " + pattern.pattern() + " but is \"" + value + "\"");
        }
    }
}
