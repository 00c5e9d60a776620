package com.example.orders.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Business metrics kept in a list, as "OrdersCreated" or "OrderProcessingTime=12ms". */
public final class RecordingMetrics implements BusinessMetrics {

    public final List<String> recorded = new ArrayList<>();

    @Override
    public void userCreated() {
        recorded.add(MetricNames.USERS_CREATED);
    }

    @Override
    public void orderCreated(Duration processingTime) {
        recorded.add(MetricNames.ORDERS_CREATED);
        recorded.add(MetricNames.ORDER_PROCESSING_TIME + "=" + processingTime.toMillis() + "ms");
    }

    @Override
    public void orderCancelled() {
        recorded.add(MetricNames.ORDERS_CANCELLED);
    }
}
