package com.example.orders.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class ChangeCaptureConsumerTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final ChangeCaptureConsumer consumer = new ChangeCaptureConsumer(
            new ChangeRecords("order-service-dev-users", "order-service-dev-orders"), store);

    @ParameterizedTest
    @Event(value = "events/cdc/changes.json", type = DynamodbEvent.class)
    void recordsEveryChangeAsAnEventAndProjectsOrdersIntoTheirUsersSummary(DynamodbEvent event) {
        StreamsEventResponse response = consumer.handleRequest(event, new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(store.events.values()).extracting(change -> change.aggregateId() + " " + change.type())
                .containsExactly("user#user-1 UserCreated", "order#order-1 OrderPlaced", "order#order-1 OrderCancelled");
        assertThat(store.summaries).containsOnlyKeys("user-1");
        assertThat(store.summaries.get("user-1")).isEqualTo(new InMemoryEventStore.Summary(0, 1, Map.of("EUR", 0L),
                Instant.parse("2026-03-01T10:15:30Z")));
    }

    @ParameterizedTest
    @Event(value = "events/cdc/changes-with-unrecordable-change.json", type = DynamodbEvent.class)
    void reportsOnlyTheSequenceNumberOfTheChangeItCannotRecord(DynamodbEvent event) {
        StreamsEventResponse response = consumer.handleRequest(event, new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("200000000000000000009");
        // Lambda delivers the failed change and everything after it again; what came before is recorded.
        assertThat(store.events.values()).extracting(Change::type).containsExactly("UserCreated");
    }

    @Test
    void aChangeDeliveredAgainIsNotRecordedTwice() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/cdc/changes.json");

        consumer.handleRequest(event, new TestContext());
        StreamsEventResponse again = consumer.handleRequest(event, new TestContext());

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(store.events).hasSize(3);
        assertThat(store.summaries.get("user-1").cancellations()).isEqualTo(1);
        assertThat(store.summaries.get("user-1").orders()).isZero();
    }

    @Test
    void aChangeOfATableItDoesNotCaptureFailsItsRecord() {
        ChangeCaptureConsumer elsewhere = new ChangeCaptureConsumer(new ChangeRecords("other-users", "other-orders"), store);

        StreamsEventResponse response = elsewhere.handleRequest(EventLoader.loadDynamoDbEvent("events/cdc/changes.json"),
                new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("100000000000000000001");
        assertThat(store.events).isEmpty();
    }
}
