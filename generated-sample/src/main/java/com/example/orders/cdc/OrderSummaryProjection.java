package com.example.orders.cdc;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The order-summary projection: per user, the orders still standing, the cancelled ones, the total of
 * the standing ones per currency, and when the last order was placed. It is derived from the orders
 * table's changes alone, reading the items as DynamoDbOrderRepository writes them.
 */
public final class OrderSummaryProjection {

    private static final String CREATED = "CREATED";

    private OrderSummaryProjection() {
    }

    public static SummaryUpdate updateFor(Change change) {
        return switch (change.type()) {
            case Change.ORDER_PLACED -> placed(change.newImage());
            case Change.ORDER_CANCELLED -> taken(change.oldImage(), true);
            // An order deleted outside the API: it stands no more, and was never cancelled.
            case Change.ORDER_REMOVED -> CREATED.equals(text(change.oldImage(), "status")) ? taken(change.oldImage(), false) : SummaryUpdate.NONE;
            default -> SummaryUpdate.NONE;
        };
    }

    private static SummaryUpdate placed(Map<String, AttributeValue> order) {
        Instant createdAt;
        try {
            createdAt = Instant.parse(required(order, "createdAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the order's createdAt is not an instant", e);
        }
        boolean standing = CREATED.equals(text(order, "status"));
        return new SummaryUpdate(required(order, "userId"), standing ? 1 : 0, standing ? 0 : 1,
                required(order, "currency"), standing ? total(order) : 0, createdAt);
    }

    private static SummaryUpdate taken(Map<String, AttributeValue> order, boolean cancelled) {
        return new SummaryUpdate(required(order, "userId"), -1, cancelled ? 1 : 0, required(order, "currency"),
                -total(order), null);
    }

    private static long total(Map<String, AttributeValue> order) {
        AttributeValue total = order.get("totalCents");
        if (total == null || total.n() == null) {
            throw new IllegalArgumentException("the order has no number totalCents");
        }
        return Long.parseLong(total.n());
    }

    private static String required(Map<String, AttributeValue> order, String name) {
        String value = text(order, name);
        if (value == null) {
            throw new IllegalArgumentException("the order has no string " + name);
        }
        return value;
    }

    private static String text(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? null : value.s();
    }
}
