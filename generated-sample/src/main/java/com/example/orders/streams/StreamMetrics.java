package com.example.orders.streams;

import java.time.Instant;

/** The business metrics of event streaming; each is published as it happens. */
public interface StreamMetrics {

    /** An order was stored but its event is not in the stream. */
    void orderEventNotPublished();

    /** A user change was stored but its event is not in the stream. */
    void userActivityNotPublished();

    /** The consumer processed an order event for the first time. */
    void orderEventProcessed();

    /** A tumbling window of one shard closed with these totals. */
    void windowClosed(Instant windowStart, WindowTotals totals);
}
