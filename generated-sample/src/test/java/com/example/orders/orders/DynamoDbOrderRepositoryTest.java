package com.example.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.testing.StubDynamoDb;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class DynamoDbOrderRepositoryTest {

    private static final Instant PLACED = Instant.parse("2026-02-01T08:00:00Z");
    private static final Instant CANCELLED = Instant.parse("2026-03-01T10:15:30Z");

    private final StubDynamoDb dynamoDb = new StubDynamoDb();
    private final DynamoDbOrderRepository repository = new DynamoDbOrderRepository(dynamoDb, "orders-table");
    private final Order order = new Order("order-1", "user-1",
            List.of(new OrderItem("BOOK-42", 2, 1999), new OrderItem("PEN-7", 1, 250)),
            4248, "EUR", OrderStatus.CREATED, PLACED, PLACED);

    @Test
    void storesAnOrderWithItsItemsAndReadsItBack() {
        repository.create(order);

        PutItemRequest put = dynamoDb.last(PutItemRequest.class);
        assertThat(put.tableName()).isEqualTo("orders-table");
        assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(#id)");
        assertThat(put.item().get("items").l()).hasSize(2);
        assertThat(put.item()).containsEntry("totalCents", AttributeValue.fromN("4248"));
        assertThat(repository.find("order-1")).contains(order);
    }

    @Test
    void cancelsOnlyACreatedOrderInOneConditionalWrite() {
        dynamoDb.updated = DynamoDbOrderRepository.toItem(order.cancel(CANCELLED));

        Cancellation result = repository.cancel("order-1", CANCELLED);

        UpdateItemRequest update = dynamoDb.last(UpdateItemRequest.class);
        assertThat(update.conditionExpression()).isEqualTo("attribute_exists(#id) AND #status = :created");
        assertThat(update.expressionAttributeNames()).containsEntry("#status", "status");
        assertThat(update.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        assertThat(result).isEqualTo(new Cancellation.Cancelled(order.cancel(CANCELLED)));
    }

    @Test
    void aFailedConditionWithAnItemMeansAlreadyCancelled() {
        dynamoDb.failure = ConditionalCheckFailedException.builder()
                .message("The conditional request failed")
                .item(DynamoDbOrderRepository.toItem(order.cancel(PLACED)))
                .build();

        assertThat(repository.cancel("order-1", CANCELLED)).isEqualTo(new Cancellation.AlreadyCancelled());
    }

    @Test
    void aFailedConditionWithoutAnItemMeansNotFound() {
        dynamoDb.failure = ConditionalCheckFailedException.builder().message("The conditional request failed").build();

        assertThat(repository.cancel("order-2", CANCELLED)).isEqualTo(new Cancellation.NotFound());
    }
}
