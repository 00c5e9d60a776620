package com.example.orders.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Processed event ids in a DynamoDB table with the string key {@code id}. Each expires (the table's TTL on
 * {@code expiresAt}, in epoch seconds) once its event can no longer be delivered again.
 */
public final class DynamoDbProcessedEvents implements ProcessedEvents {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final Duration keep;

    /** @param keep how long to remember an event: longer than the stream keeps its records */
    public DynamoDbProcessedEvents(DynamoDbClient dynamoDb, String table, Clock clock, Duration keep) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
        this.keep = keep;
    }

    @Override
    public boolean contains(String eventId) {
        // Consistent: the previous delivery of this record may have been a moment ago.
        var response = dynamoDb.getItem(request -> request.tableName(table).key(Map.of("id", AttributeValue.fromS(eventId)))
                .consistentRead(true));
        return response.hasItem() && !response.item().isEmpty();
    }

    @Override
    public void add(String eventId) {
        Instant now = clock.instant();
        dynamoDb.putItem(request -> request.tableName(table).item(Map.of(
                "id", AttributeValue.fromS(eventId),
                "processedAt", AttributeValue.fromS(now.toString()),
                "expiresAt", AttributeValue.fromN(Long.toString(now.plus(keep).getEpochSecond())))));
    }
}
