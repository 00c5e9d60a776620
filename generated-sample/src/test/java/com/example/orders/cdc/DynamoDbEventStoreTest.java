package com.example.orders.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

class DynamoDbEventStoreTest {

    private static final Instant PLACED = Instant.parse("2026-03-01T10:15:30Z");
    private static final Map<String, AttributeValue> ORDER = Map.of(
            "id", AttributeValue.fromS("order-1"), "userId", AttributeValue.fromS("user-1"),
            "totalCents", AttributeValue.fromN("4248"), "currency", AttributeValue.fromS("EUR"),
            "status", AttributeValue.fromS("CREATED"), "createdAt", AttributeValue.fromS(PLACED.toString()));
    private static final Change PLACEMENT = new Change(Change.ORDER, "order-1", Change.ORDER_PLACED,
            "200000000000000000001", PLACED, Map.of(), ORDER);

    private final RecordingDynamoDb dynamoDb = new RecordingDynamoDb();
    private final DynamoDbEventStore store = new DynamoDbEventStore(dynamoDb, "event-store", "order-summary");

    @Test
    void appendsTheEventAndAddsToTheSummaryInOneTransactionOnlyIfTheEventIsNew() {
        assertThat(store.append(PLACEMENT, OrderSummaryProjection.updateFor(PLACEMENT))).isTrue();

        TransactWriteItemsRequest transaction = dynamoDb.transactions.get(0);
        assertThat(transaction.transactItems()).hasSize(2);
        Put event = transaction.transactItems().get(0).put();
        assertThat(event.tableName()).isEqualTo("event-store");
        assertThat(event.conditionExpression()).isEqualTo("attribute_not_exists(#aggregateId)");
        assertThat(event.item()).containsEntry("aggregateId", AttributeValue.fromS("order#order-1"))
                .containsEntry("sequence", AttributeValue.fromS("0000000000000000000200000000000000000001"))
                .containsEntry("eventType", AttributeValue.fromS("OrderPlaced"))
                .containsEntry("newImage", AttributeValue.fromM(ORDER))
                .doesNotContainKey("oldImage");
        Update summary = transaction.transactItems().get(1).update();
        assertThat(summary.tableName()).isEqualTo("order-summary");
        assertThat(summary.key()).containsEntry("userId", AttributeValue.fromS("user-1"));
        assertThat(summary.updateExpression()).isEqualTo("ADD #orders :orders, #cancellations :cancellations, #total :amount");
        assertThat(summary.expressionAttributeNames()).containsEntry("#total", "totalCents_EUR");
        assertThat(summary.expressionAttributeValues()).containsEntry(":orders", AttributeValue.fromN("1"))
                .containsEntry(":amount", AttributeValue.fromN("4248"));
    }

    @Test
    void movesTheLastOrderTimeOnlyForward() {
        store.append(PLACEMENT, OrderSummaryProjection.updateFor(PLACEMENT));

        UpdateItemRequest last = dynamoDb.updates.get(0);
        assertThat(last.updateExpression()).isEqualTo("SET #last = :at");
        assertThat(last.conditionExpression()).isEqualTo("attribute_not_exists(#last) OR #last < :at");
        assertThat(last.expressionAttributeValues()).containsEntry(":at", AttributeValue.fromS("2026-03-01T10:15:30.000Z"));
    }

    @Test
    void anEventStoredAlreadyIsNotAppendedAgainAndTheLastOrderTimeIsStillChecked() {
        dynamoDb.cancellation = TransactionCanceledException.builder().message("Transaction cancelled")
                .cancellationReasons(CancellationReason.builder().code("ConditionalCheckFailed").build(),
                        CancellationReason.builder().code("None").build())
                .build();
        dynamoDb.lastOrderIsLater = true;

        assertThat(store.append(PLACEMENT, OrderSummaryProjection.updateFor(PLACEMENT))).isFalse();
        assertThat(dynamoDb.updates).hasSize(1);
    }

    @Test
    void aTransactionCancelledForAnyOtherReasonFails() {
        dynamoDb.cancellation = TransactionCanceledException.builder().message("Transaction cancelled")
                .cancellationReasons(CancellationReason.builder().code("None").build(),
                        CancellationReason.builder().code("ThrottlingError").build())
                .build();

        assertThatThrownBy(() -> store.append(PLACEMENT, OrderSummaryProjection.updateFor(PLACEMENT)))
                .isInstanceOf(TransactionCanceledException.class);
    }

    @Test
    void aUsersChangeIsOnlyAppended() {
        Change created = new Change(Change.USER, "user-1", Change.USER_CREATED, "7", PLACED, Map.of(),
                Map.of("id", AttributeValue.fromS("user-1")));

        store.append(created, SummaryUpdate.NONE);

        assertThat(dynamoDb.transactions.get(0).transactItems()).hasSize(1);
        assertThat(dynamoDb.updates).isEmpty();
    }

    @Test
    void padsSequenceNumbersSoThatTheySortAsText() {
        assertThat(DynamoDbEventStore.sequence("9")).hasSize(40).endsWith("09").isLessThan(DynamoDbEventStore.sequence("10"));
        assertThatThrownBy(() -> DynamoDbEventStore.sequence("12a")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A DynamoDB client that keeps the transactions and updates it is sent, and fails them when told. */
    private static final class RecordingDynamoDb implements DynamoDbClient {

        final List<TransactWriteItemsRequest> transactions = new ArrayList<>();
        final List<UpdateItemRequest> updates = new ArrayList<>();
        TransactionCanceledException cancellation;
        boolean lastOrderIsLater;

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            transactions.add(request);
            if (cancellation != null) {
                throw cancellation;
            }
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            updates.add(request);
            if (lastOrderIsLater) {
                throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
            }
            return UpdateItemResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }
}
