package com.example.orders.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.testing.StubDynamoDb;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class DynamoDbUserRepositoryTest {

    private static final Instant CREATED = Instant.parse("2026-02-01T08:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-03-01T10:15:30Z");

    private final StubDynamoDb dynamoDb = new StubDynamoDb();
    private final DynamoDbUserRepository repository = new DynamoDbUserRepository(dynamoDb, "users-table");
    private final User ada = new User("user-1", "Ada Lovelace", "ada@example.com", CREATED, CREATED);

    @Test
    void storesAUserOnlyIfItsIdIsNew() {
        repository.create(ada);

        PutItemRequest put = dynamoDb.last(PutItemRequest.class);
        assertThat(put.tableName()).isEqualTo("users-table");
        assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(#id)");
        assertThat(put.expressionAttributeNames()).containsEntry("#id", "id");
        assertThat(put.item()).containsEntry("createdAt", AttributeValue.fromS("2026-02-01T08:00:00Z"));
    }

    @Test
    void readsBackWhatItStoredWithAConsistentRead() {
        repository.create(ada);

        assertThat(repository.find("user-1")).contains(ada);
        assertThat(dynamoDb.last(GetItemRequest.class).consistentRead()).isTrue();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(repository.find("user-2")).isEmpty();
    }

    @Test
    void updatesOnlyAnExistingUserAndReturnsItAsStored() {
        User updated = new User("user-1", "Ada King", "ada.king@example.com", CREATED, UPDATED);
        dynamoDb.updated = DynamoDbUserRepository.toItem(updated);

        var result = repository.update("user-1", new UserDetails("Ada King", "ada.king@example.com"), UPDATED);

        UpdateItemRequest update = dynamoDb.last(UpdateItemRequest.class);
        assertThat(update.conditionExpression()).isEqualTo("attribute_exists(#id)");
        assertThat(update.expressionAttributeValues())
                .containsEntry(":name", AttributeValue.fromS("Ada King"))
                .containsEntry(":updatedAt", AttributeValue.fromS("2026-03-01T10:15:30Z"));
        assertThat(update.returnValues()).isEqualTo(ReturnValue.ALL_NEW);
        assertThat(result).contains(updated);
    }

    @Test
    void updateOfAnUnknownUserFindsNothing() {
        dynamoDb.failure = ConditionalCheckFailedException.builder().message("The conditional request failed").build();

        assertThat(repository.update("user-2", new UserDetails("Ada", "ada@example.com"), UPDATED)).isEmpty();
    }

    @Test
    void deletesOnlyAnExistingUser() {
        assertThat(repository.delete("user-1")).isTrue();
        assertThat(dynamoDb.last(DeleteItemRequest.class).conditionExpression()).isEqualTo("attribute_exists(#id)");

        dynamoDb.failure = ConditionalCheckFailedException.builder().message("The conditional request failed").build();
        assertThat(repository.delete("user-2")).isFalse();
    }
}
