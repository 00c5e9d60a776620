package com.example.orders.users;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Users in a DynamoDB table with the string partition key {@code id}. Conditions on every write make
 * "no such user" an answer of the write itself, so there is no read-then-write race. Attribute names
 * in expressions always go through placeholders, as some (name, status) are DynamoDB reserved words.
 */
public final class DynamoDbUserRepository implements UserRepository {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbUserRepository(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void create(User user) {
        dynamoDb.putItem(request -> request
                .tableName(table)
                .item(toItem(user))
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", "id")));
    }

    @Override
    public Optional<User> find(String id) {
        // Consistent, so that a client reading right after its own write sees that write.
        var response = dynamoDb.getItem(request -> request.tableName(table).key(key(id)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public Optional<User> update(String id, UserDetails details, Instant at) {
        try {
            var response = dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(key(id))
                    .updateExpression("SET #name = :name, #email = :email, #updatedAt = :updatedAt")
                    .conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of(
                            "#id", "id", "#name", "name", "#email", "email", "#updatedAt", "updatedAt"))
                    .expressionAttributeValues(Map.of(
                            ":name", text(details.name()),
                            ":email", text(details.email()),
                            ":updatedAt", text(at.toString())))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(String id) {
        try {
            dynamoDb.deleteItem(request -> request
                    .tableName(table)
                    .key(key(id))
                    .conditionExpression("attribute_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", "id")));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static Map<String, AttributeValue> toItem(User user) {
        return Map.of(
                "id", text(user.id()),
                "name", text(user.name()),
                "email", text(user.email()),
                "createdAt", text(user.createdAt().toString()),
                "updatedAt", text(user.updatedAt().toString()));
    }

    static User fromItem(Map<String, AttributeValue> item) {
        return new User(
                item.get("id").s(),
                item.get("name").s(),
                item.get("email").s(),
                Instant.parse(item.get("createdAt").s()),
                Instant.parse(item.get("updatedAt").s()));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", text(id));
    }

    private static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }
}
