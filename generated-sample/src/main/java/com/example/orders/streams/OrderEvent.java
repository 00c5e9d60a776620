package com.example.orders.streams;

import java.time.Instant;
import java.util.Set;

/**
 * What the order-events stream carries: one JSON object per record, keyed by order id, so that the events
 * of one order stay in order on one shard. An order is placed once and cancelled at most once, so its type
 * and order id identify an event, even when a producer's retry puts it into the stream twice.
 *
 * @param amountCents the order's total in the currency's minor unit
 * @param timestamp   when it happened: the order's creation or its cancellation
 */
public record OrderEvent(String type, String orderId, String userId, long amountCents, String currency, Instant timestamp) {

    public static final String ORDER_CREATED = "OrderCreated";
    public static final String ORDER_CANCELLED = "OrderCancelled";

    private static final Set<String> TYPES = Set.of(ORDER_CREATED, ORDER_CANCELLED);

    public OrderEvent {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be one of " + TYPES + " but is " + type);
        }
        if (orderId == null || userId == null || currency == null || timestamp == null) {
            throw new IllegalArgumentException("orderId, userId, currency and timestamp are required");
        }
        if (amountCents < 0) {
            throw new IllegalArgumentException("amountCents must not be negative");
        }
    }

    /** The same for every copy of this event, and different from every other event's. */
    public String eventId() {
        return type + ":" + orderId;
    }
}
