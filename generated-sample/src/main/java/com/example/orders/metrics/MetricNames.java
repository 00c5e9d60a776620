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

    /** The dimension every metric carries. */
    public static final String SERVICE_DIMENSION = "Service";

    private MetricNames() {
    }
}
