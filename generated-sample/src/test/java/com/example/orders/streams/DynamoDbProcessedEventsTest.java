package com.example.orders.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.testing.StubDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

class DynamoDbProcessedEventsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private final StubDynamoDb dynamoDb = new StubDynamoDb();
    private final DynamoDbProcessedEvents processed = new DynamoDbProcessedEvents(dynamoDb, "processed-table",
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(48));

    @Test
    void remembersAnEventUntilItCanNoLongerComeAgain() {
        assertThat(processed.contains("OrderCreated:order-1")).isFalse();

        processed.add("OrderCreated:order-1");

        PutItemRequest put = dynamoDb.last(PutItemRequest.class);
        assertThat(put.tableName()).isEqualTo("processed-table");
        assertThat(put.item()).containsEntry("id", AttributeValue.fromS("OrderCreated:order-1"))
                .containsEntry("expiresAt", AttributeValue.fromN(Long.toString(NOW.plus(Duration.ofHours(48)).getEpochSecond())));
        assertThat(processed.contains("OrderCreated:order-1")).isTrue();
        assertThat(dynamoDb.last(GetItemRequest.class).consistentRead()).isTrue();
    }
}
