package com.example.orders.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class OrderSummaryProjectionTest {

    private static final Instant PLACED = Instant.parse("2026-03-01T10:15:30Z");
    private static final Instant LATER = Instant.parse("2026-03-01T10:20:00Z");

    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void placingAndCancellingAnOrderLeavesItCountedAsCancelledWithNothingStanding() {
        Map<String, AttributeValue> placed = order("CREATED", 4248, "EUR");
        Map<String, AttributeValue> cancelled = order("CANCELLED", 4248, "EUR");

        apply(new Change(Change.ORDER, "order-1", Change.ORDER_PLACED, "1", PLACED, Map.of(), placed));
        assertThat(store.summaries.get("user-1")).isEqualTo(new InMemoryEventStore.Summary(1, 0, Map.of("EUR", 4248L), PLACED));

        apply(new Change(Change.ORDER, "order-1", Change.ORDER_CANCELLED, "2", LATER, placed, cancelled));
        assertThat(store.summaries.get("user-1")).isEqualTo(new InMemoryEventStore.Summary(0, 1, Map.of("EUR", 0L), PLACED));
    }

    @Test
    void keepsATotalPerCurrency() {
        apply(new Change(Change.ORDER, "order-1", Change.ORDER_PLACED, "1", PLACED, Map.of(), order("CREATED", 1000, "EUR")));
        apply(new Change(Change.ORDER, "order-2", Change.ORDER_PLACED, "1", LATER, Map.of(), order("CREATED", 700, "USD")));

        assertThat(store.summaries.get("user-1").totalCents()).containsOnly(Map.entry("EUR", 1000L), Map.entry("USD", 700L));
        assertThat(store.summaries.get("user-1").orders()).isEqualTo(2);
    }

    @Test
    void aRemovedStandingOrderStandsNoMoreAndARemovedCancelledOneChangesNothing() {
        assertThat(OrderSummaryProjection.updateFor(new Change(Change.ORDER, "order-1", Change.ORDER_REMOVED, "3", LATER,
                order("CREATED", 500, "EUR"), Map.of()))).isEqualTo(new SummaryUpdate("user-1", -1, 0, "EUR", -500, null));
        assertThat(OrderSummaryProjection.updateFor(new Change(Change.ORDER, "order-1", Change.ORDER_REMOVED, "3", LATER,
                order("CANCELLED", 500, "EUR"), Map.of()))).isEqualTo(SummaryUpdate.NONE);
    }

    @Test
    void changesOfUsersTouchNoSummary() {
        assertThat(OrderSummaryProjection.updateFor(new Change(Change.USER, "user-1", Change.USER_CREATED, "1", PLACED,
                Map.of(), Map.of("id", AttributeValue.fromS("user-1"))))).isEqualTo(SummaryUpdate.NONE);
    }

    @Test
    void anOrderWithoutATotalCannotBeProjected() {
        Map<String, AttributeValue> broken = new HashMap<>(order("CREATED", 1, "EUR"));
        broken.remove("totalCents");

        assertThatThrownBy(() -> OrderSummaryProjection.updateFor(new Change(Change.ORDER, "order-1", Change.ORDER_PLACED, "1",
                PLACED, Map.of(), broken))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totalCents");
    }

    private void apply(Change change) {
        store.append(change, OrderSummaryProjection.updateFor(change));
    }

    private static Map<String, AttributeValue> order(String status, long totalCents, String currency) {
        return Map.of(
                "id", AttributeValue.fromS("order-1"),
                "userId", AttributeValue.fromS("user-1"),
                "totalCents", AttributeValue.fromN(Long.toString(totalCents)),
                "currency", AttributeValue.fromS(currency),
                "status", AttributeValue.fromS(status),
                "createdAt", AttributeValue.fromS(PLACED.toString()));
    }
}
