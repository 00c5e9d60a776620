package com.example.orders.streams;

import static com.example.orders.streams.StreamRecords.batch;
import static com.example.orders.streams.StreamRecords.cancelled;
import static com.example.orders.streams.StreamRecords.created;
import static com.example.orders.streams.StreamRecords.record;
import static com.example.orders.streams.StreamRecords.sequenceNumber;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.metrics.MetricNames;
import com.example.orders.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class OrderEventsConsumerTest {

    private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();
    private final List<OrderEvent> seen = new ArrayList<>();
    private final RecordingStreamMetrics metrics = new RecordingStreamMetrics();
    private final OrderEventsConsumer consumer = new OrderEventsConsumer(processed, seen::add, metrics);

    @ParameterizedTest
    @Event(value = "events/streams/order-events.json", type = KinesisEvent.class)
    void processesEveryEventOfABatchInOrderAndReportsNoFailure(KinesisEvent event) {
        StreamsEventResponse response = consumer.handleRequest(event, new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(seen).extracting(OrderEvent::eventId)
                .containsExactly("OrderCreated:order-1", "OrderCreated:order-2", "OrderCancelled:order-1");
        assertThat(seen.get(0)).isEqualTo(new OrderEvent("OrderCreated", "order-1", "user-1", 4248, "EUR",
                Instant.parse("2026-03-01T10:15:30Z")));
        assertThat(metrics.recorded).containsOnly(MetricNames.ORDER_EVENTS_PROCESSED).hasSize(3);
    }

    @ParameterizedTest
    @Event(value = "events/streams/order-events-with-unreadable-record.json", type = KinesisEvent.class)
    void reportsOnlyTheSequenceNumberOfTheRecordItCannotRead(KinesisEvent event) {
        StreamsEventResponse response = consumer.handleRequest(event, new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("49590338271490256608559692538361571095921575989136588899");
        // Lambda delivers the bad record and everything after it again; the record after it waits for that.
        assertThat(seen).extracting(OrderEvent::eventId).containsExactly("OrderCreated:order-1");
    }

    @Test
    void skipsEventsItHasProcessedWhenLambdaDeliversThemAgain() {
        consumer.handleRequest(batch(record(1, created("order-1", 100, "EUR")), record(2, created("order-2", 200, "EUR"))),
                new TestContext());
        StreamsEventResponse again = consumer.handleRequest(batch(record(1, created("order-1", 100, "EUR")),
                record(2, created("order-2", 200, "EUR")), record(3, created("order-3", 300, "EUR"))), new TestContext());

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(seen).extracting(OrderEvent::orderId).containsExactly("order-1", "order-2", "order-3");
        assertThat(metrics.recorded).hasSize(3);
    }

    @Test
    void processesAnEventAProducerPutTwiceOnce() {
        consumer.handleRequest(batch(record(1, created("order-1", 100, "EUR")), record(2, created("order-1", 100, "EUR")),
                record(3, cancelled("order-1", 100, "EUR"))), new TestContext());

        assertThat(seen).extracting(OrderEvent::eventId).containsExactly("OrderCreated:order-1", "OrderCancelled:order-1");
    }

    @Test
    void anEventWhoseProcessingFailsIsNeitherRememberedNorSkippedOnTheRetry() {
        List<String> attempts = new ArrayList<>();
        OrderEventsConsumer flaky = new OrderEventsConsumer(processed, event -> {
            attempts.add(event.orderId());
            if (attempts.size() == 2) {
                throw new IllegalStateException("fulfilment is down");
            }
        }, metrics);
        KinesisEvent event = batch(record(1, created("order-1", 100, "EUR")), record(2, created("order-2", 200, "EUR")));

        StreamsEventResponse failed = flaky.handleRequest(event, new TestContext());
        StreamsEventResponse retried = flaky.handleRequest(batch(record(2, created("order-2", 200, "EUR"))), new TestContext());

        assertThat(failed.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(sequenceNumber(2));
        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(attempts).containsExactly("order-1", "order-2", "order-2");
        assertThat(processed.ids).containsExactly("OrderCreated:order-1", "OrderCreated:order-2");
    }

    @Test
    void anEventOfAnUnknownTypeFailsItsRecord() {
        StreamsEventResponse response = consumer.handleRequest(batch(record(1,
                "{\"type\": \"OrderShipped\", \"orderId\": \"order-1\", \"userId\": \"user-1\", \"amountCents\": 1, \"currency\": \"EUR\", \"timestamp\": \"2026-03-01T10:15:30Z\"}")),
                new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(sequenceNumber(1));
        assertThat(seen).isEmpty();
    }
}
