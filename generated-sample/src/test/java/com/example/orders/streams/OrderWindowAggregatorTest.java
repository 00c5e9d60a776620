package com.example.orders.streams;

import static com.example.orders.streams.StreamRecords.cancelled;
import static com.example.orders.streams.StreamRecords.created;
import static com.example.orders.streams.StreamRecords.record;
import static com.example.orders.streams.StreamRecords.sequenceNumber;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.TimeWindow;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class OrderWindowAggregatorTest {

    private static final TimeWindow WINDOW = new TimeWindow("2026-03-01T10:15:00Z", "2026-03-01T10:20:00Z");

    private final RecordingStreamMetrics metrics = new RecordingStreamMetrics();
    private final OrderWindowAggregator aggregator = new OrderWindowAggregator(metrics);

    /** The records of a window event are those of a Kinesis event: read from the JSON Lambda sends. */
    @ParameterizedTest
    @Event(value = "events/streams/order-events.json", type = KinesisEvent.class)
    void countsTheOrdersOfABatchIntoTheWindowsState(KinesisEvent batch) {
        TimeWindowEventResponse response = aggregator.handleRequest(
                window(Map.of(), false, batch.getRecords().toArray(KinesisEvent.KinesisEventRecord[]::new)), new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(response.getState()).containsEntry("orders", "2").containsEntry("cancellations", "1")
                .containsEntry("revenueCents.EUR", "0").containsEntry("revenueCents.USD", "1500")
                .containsEntry("lastSequenceNumber", "49590338271490256608559692538361571095921575989136588900");
        assertThat(metrics.windows).isEmpty();
    }

    @Test
    void carriesTheTotalsFromInvocationToInvocationAndPublishesThemWhenTheWindowCloses() {
        TimeWindowEventResponse first = aggregator.handleRequest(window(Map.of(), false,
                record(1, created("order-1", 1000, "EUR")), record(2, created("order-2", 500, "USD"))), new TestContext());
        TimeWindowEventResponse second = aggregator.handleRequest(window(first.getState(), false,
                record(3, created("order-3", 250, "EUR")), record(4, cancelled("order-1", 1000, "EUR"))), new TestContext());

        assertThat(metrics.windows).isEmpty();

        TimeWindowEventResponse last = aggregator.handleRequest(window(second.getState(), true), new TestContext());

        assertThat(last.getBatchItemFailures()).isEmpty();
        assertThat(metrics.windows).containsExactly(new RecordingStreamMetrics.ClosedWindow(
                Instant.parse("2026-03-01T10:15:00Z"),
                new WindowTotals(3, 1, Map.of("EUR", 250L, "USD", 500L), sequenceNumber(4))));
    }

    @Test
    void closesAnEmptyWindowWithZeroOrders() {
        aggregator.handleRequest(window(Map.of(), true), new TestContext());

        assertThat(metrics.windows).extracting(window -> window.totals().orders()).containsExactly(0L);
        assertThat(metrics.windows.get(0).totals().revenueCents()).isEmpty();
    }

    @Test
    void stopsAtAnUnreadableRecordAndKeepsOnlyWhatCameBeforeIt() {
        TimeWindowEventResponse response = aggregator.handleRequest(window(Map.of(), false,
                record(1, created("order-1", 1000, "EUR")), record(2, "{\"type\":"), record(3, created("order-3", 300, "EUR"))),
                new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(TimeWindowEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(sequenceNumber(2));
        assertThat(WindowTotals.fromState(response.getState()))
                .isEqualTo(new WindowTotals(1, 0, Map.of("EUR", 1000L), sequenceNumber(1)));
    }

    @Test
    void countsNothingTwiceWhenLambdaDeliversRecordsAgain() {
        TimeWindowEventResponse first = aggregator.handleRequest(window(Map.of(), false,
                record(1, created("order-1", 1000, "EUR")), record(2, created("order-2", 200, "EUR"))), new TestContext());
        TimeWindowEventResponse again = aggregator.handleRequest(window(first.getState(), false,
                record(2, created("order-2", 200, "EUR")), record(3, created("order-3", 30, "EUR"))), new TestContext());

        assertThat(WindowTotals.fromState(again.getState()))
                .isEqualTo(new WindowTotals(3, 0, Map.of("EUR", 1230L), sequenceNumber(3)));
    }

    private static KinesisTimeWindowEvent window(Map<String, String> state, boolean last,
                                                 KinesisEvent.KinesisEventRecord... records) {
        KinesisTimeWindowEvent event = new KinesisTimeWindowEvent();
        event.setRecords(List.of(records));
        event.setWindow(WINDOW);
        event.setState(state);
        event.setShardId("shardId-000000000000");
        event.setIsFinalInvokeForWindow(last);
        event.setIsWindowTerminatedEarly(false);
        return event;
    }
}
