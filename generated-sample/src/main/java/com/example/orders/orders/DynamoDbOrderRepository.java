package com.example.orders.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Orders in a DynamoDB table with the string partition key {@code id}; items are a list of maps.
 * Attribute names in expressions go through placeholders, as {@code status} is a reserved word.
 */
public final class DynamoDbOrderRepository implements OrderRepository {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbOrderRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(Order order) {
        dynamoDb.putItem(request -> request
                .tableName(table)
                .item(toItem(order))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", "id")));
    }

    @Override
    public Optional<Order> find(String id) {
        // Consistent, so that a client reading right after its own write sees that write.
        var response = dynamoDb.getItem(request -> request.tableName(table).key(key(id)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    /** One conditional write; when it fails, the old item it returns tells "cancelled" from "missing". */
    @Override
    public Cancellation cancel(String id, Instant at) {
        try {
            var response = dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(key(id))
                    .updateExpression("SET #status = :cancelled, #updatedAt = :updatedAt")
                    .conditionExpression("attribute_exists(#id) AND #status = :created")
                    .expressionAttributeNames(Map.of("#id", "id", "#status", "status", "#updatedAt", "updatedAt"))
                    .expressionAttributeValues(Map.of(
                            ":cancelled", text(OrderStatus.CANCELLED.name()),
                            ":created", text(OrderStatus.CREATED.name()),
                            ":updatedAt", text(at.toString())))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Cancellation.Cancelled(fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return e.hasItem() && !e.item().isEmpty() ? new Cancellation.AlreadyCancelled() : new Cancellation.NotFound();
        }
    }

    static Map<String, AttributeValue> toItem(Order order) {
        List<AttributeValue> items = order.items().stream()
                .map(item -> AttributeValue.fromM(Map.of(
                        "sku", text(item.sku()),
                        "quantity", number(item.quantity()),
                        "unitPriceCents", number(item.unitPriceCents()))))
                .toList();
        return Map.of(
                "id", text(order.id()),
                "userId", text(order.userId()),
                "items", AttributeValue.fromL(items),
                "totalCents", number(order.totalCents()),
                "currency", text(order.currency()),
                "status", text(order.status().name()),
                "createdAt", text(order.createdAt().toString()),
                "updatedAt", text(order.updatedAt().toString()));
    }

    static Order fromItem(Map<String, AttributeValue> item) {
        List<OrderItem> items = item.get("items").l().stream()
                .map(AttributeValue::m)
                .map(line -> new OrderItem(
                        line.get("sku").s(),
                        Integer.parseInt(line.get("quantity").n()),
                        Long.parseLong(line.get("unitPriceCents").n())))
                .toList();
        return new Order(
                item.get("id").s(),
                item.get("userId").s(),
                items,
                Long.parseLong(item.get("totalCents").n()),
                item.get("currency").s(),
                OrderStatus.valueOf(item.get("status").s()),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", text(id));
    }

    private static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
