package com.example.orders.metrics;

import java.time.Duration;

/** The business events the service counts; each is published as it happens. */
public interface BusinessMetrics {

    void userCreated();

    void orderCreated(Duration processingTime);

    void orderCancelled();
}
