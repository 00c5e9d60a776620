package com.example.orders.cdc;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The event store table (key: aggregateId and sequence) and the order-summary table (key: userId).
 * An event and its summary update are written in one transaction whose event write is conditional on the
 * event being new, so a change delivered again changes nothing: the ADDs of the summary are not
 * idempotent by themselves, the transaction makes them so.
 */
public final class DynamoDbEventStore implements EventStore {

    /** Stream sequence numbers have up to 40 digits, more than a DynamoDB number holds; padded, they sort as text. */
    static final int SEQUENCE_DIGITS = 40;

    /** Fixed width, so that times compare as text in a condition (Instant.toString drops trailing zeros). */
    static final DateTimeFormatter ORDERED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamoDb;
    private final String eventStoreTable;
    private final String summaryTable;

    public DynamoDbEventStore(DynamoDbClient dynamoDb, String eventStoreTable, String summaryTable) {
        this.dynamoDb = dynamoDb;
        this.eventStoreTable = eventStoreTable;
        this.summaryTable = summaryTable;
    }

    @Override
    public boolean append(Change change, SummaryUpdate update) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(put -> put
                .tableName(eventStoreTable)
                .item(event(change))
                .conditionExpression("attribute_not_exists(#aggregateId)")
                .expressionAttributeNames(Map.of("#aggregateId", "aggregateId"))).build());
        if (!update.isNone()) {
            writes.add(TransactWriteItem.builder().update(summary -> summary
                    .tableName(summaryTable)
                    .key(Map.of("userId", AttributeValue.fromS(update.userId())))
                    .updateExpression("ADD #orders :orders, #cancellations :cancellations, #total :amount")
                    .expressionAttributeNames(Map.of("#orders", "orderCount", "#cancellations", "cancelledCount",
                            "#total", totalAttribute(update.currency())))
                    .expressionAttributeValues(Map.of(
                            ":orders", number(update.orders()),
                            ":cancellations", number(update.cancellations()),
                            ":amount", number(update.amountCents())))).build());
        }
        boolean appended;
        try {
            dynamoDb.transactWriteItems(request -> request.transactItems(writes));
            appended = true;
        } catch (TransactionCanceledException e) {
            if (!eventExists(e)) {
                throw e;
            }
            appended = false;
        }
        // Outside the transaction, and on every delivery, so that a failure between the two heals on retry.
        // It only ever moves lastOrderAt forward, so doing it again or late changes nothing.
        if (update.orderedAt() != null) {
            raiseLastOrderAt(update);
        }
        return appended;
    }

    /** The per-currency total's attribute, e.g. totalCents_EUR: amounts in different currencies do not add up. */
    static String totalAttribute(String currency) {
        return "totalCents_" + currency;
    }

    static String sequence(String sequenceNumber) {
        if (sequenceNumber == null || !sequenceNumber.matches("[0-9]{1," + SEQUENCE_DIGITS + "}")) {
            throw new IllegalArgumentException("not a stream sequence number: " + sequenceNumber);
        }
        return "0".repeat(SEQUENCE_DIGITS - sequenceNumber.length()) + sequenceNumber;
    }

    private static Map<String, AttributeValue> event(Change change) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("aggregateId", AttributeValue.fromS(change.aggregateId()));
        item.put("sequence", AttributeValue.fromS(sequence(change.sequenceNumber())));
        item.put("aggregateType", AttributeValue.fromS(change.aggregate()));
        item.put("eventType", AttributeValue.fromS(change.type()));
        item.put("occurredAt", AttributeValue.fromS(change.occurredAt().toString()));
        if (!change.oldImage().isEmpty()) {
            item.put("oldImage", AttributeValue.fromM(change.oldImage()));
        }
        if (!change.newImage().isEmpty()) {
            item.put("newImage", AttributeValue.fromM(change.newImage()));
        }
        return item;
    }

    /** The first write of the transaction is the event's: its condition failing means the event is there. */
    private static boolean eventExists(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        return !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
    }

    private void raiseLastOrderAt(SummaryUpdate update) {
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(summaryTable)
                    .key(Map.of("userId", AttributeValue.fromS(update.userId())))
                    .updateExpression("SET #last = :at")
                    .conditionExpression("attribute_not_exists(#last) OR #last < :at")
                    .expressionAttributeNames(Map.of("#last", "lastOrderAt"))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(ORDERED_AT.format(update.orderedAt())))));
        } catch (ConditionalCheckFailedException e) {
            // A later order was recorded first: the summary keeps it.
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
