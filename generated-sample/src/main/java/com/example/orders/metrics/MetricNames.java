package com.example.orders.metrics;

/**
 * The names of the business metrics. Dashboards and alarms query exactly these names, in the
 * namespace from POWERTOOLS_METRICS_NAMESPACE, with the one dimension {@code Service} (the value of
 * POWERTOOLS_SERVICE_NAME): renaming one here silently empties a chart there.
 */
public final class MetricNames {

    /** Count of orders placed. */
    public static final String ORDERS_CREATED = "OrdersCreated";
    /** Milliseconds from receiving an order request to having stored the order. */
    public static final String ORDER_PROCESSING_TIME = "OrderProcessingTime";
    /** Count of orders cancelled. */
    public static final String ORDERS_CANCELLED = "OrdersCancelled";
    /** Count of users created. */
    public static final String USERS_CREATED = "UsersCreated";
    /** Count of feature flag checks; the flag and its value are metadata of each. */
    public static final String FEATURE_FLAG_EVALUATIONS = "FeatureFlagEvaluations";
    /** Count of orders stored whose event could not be put into the order-events stream. */
    public static final String ORDER_EVENT_PUBLISH_FAILURES = "OrderEventPublishFailures";
    /** Count of user changes stored whose event could not be put into the user-activity stream. */
    public static final String USER_ACTIVITY_PUBLISH_FAILURES = "UserActivityPublishFailures";
    /** Count of order events the consumer processed (a replayed event counts once). */
    public static final String ORDER_EVENTS_PROCESSED = "OrderEventsProcessed";
    /** Orders placed in one tumbling window of one shard, timestamped at the window's start. */
    public static final String ORDERS_PER_WINDOW = "OrdersPerWindow";
    /** Revenue in minor units in one window of one shard, one value per currency (dimension Currency). */
    public static final String REVENUE_PER_WINDOW = "RevenuePerWindow";
    /** The extra dimension of RevenuePerWindow: amounts in different currencies do not add up. */
    public static final String CURRENCY_DIMENSION = "Currency";

    /** The dimension every metric carries. */
    public static final String SERVICE_DIMENSION = "Service";

    private MetricNames() {
    }
}
