package com.example.orders.cdc;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One change of an item of the users or orders table, as its stream delivered it.
 *
 * @param aggregate      what changed: {@code user} or {@code order}
 * @param id             the item's id
 * @param type           the event it becomes: UserCreated, OrderPlaced, OrderCancelled, ...
 * @param sequenceNumber the stream's sequence number of the change; it rises with each change of an item
 * @param oldImage       the item before the change; empty for a new item
 * @param newImage       the item after the change; empty for a deleted item
 */
public record Change(String aggregate, String id, String type, String sequenceNumber, Instant occurredAt,
                     Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {

    public static final String USER = "user";
    public static final String ORDER = "order";

    public static final String USER_CREATED = "UserCreated";
    public static final String USER_UPDATED = "UserUpdated";
    public static final String USER_DELETED = "UserDeleted";
    public static final String ORDER_PLACED = "OrderPlaced";
    public static final String ORDER_CANCELLED = "OrderCancelled";
    /** Any other change of an order: none that the API makes. */
    public static final String ORDER_CHANGED = "OrderChanged";
    /** An order deleted, which the API never does. */
    public static final String ORDER_REMOVED = "OrderRemoved";

    public Change {
        oldImage = Map.copyOf(oldImage);
        newImage = Map.copyOf(newImage);
    }

    /** The event store's partition key: one aggregate's events, in the order they happened. */
    public String aggregateId() {
        return aggregate + "#" + id;
    }
}
