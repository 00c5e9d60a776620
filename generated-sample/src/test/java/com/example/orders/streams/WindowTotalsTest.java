package com.example.orders.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowTotalsTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    @Test
    void survivesTheRoundTripThroughLambdasStateMap() {
        WindowTotals totals = new WindowTotals(4, 1, Map.of("EUR", 1250L, "USD", -300L), "49590338271490256608559692538361571095921575989136588898");

        assertThat(WindowTotals.fromState(totals.toState())).isEqualTo(totals);
        assertThat(totals.toState()).containsEntry("revenueCents.USD", "-300");
    }

    @Test
    void aNewWindowStartsEmpty() {
        assertThat(WindowTotals.fromState(null)).isEqualTo(WindowTotals.EMPTY);
        assertThat(WindowTotals.fromState(Map.of())).isEqualTo(WindowTotals.EMPTY);
    }

    @Test
    void placingAddsAndCancellingSubtractsInTheOrdersCurrency() {
        WindowTotals totals = WindowTotals.EMPTY
                .add(new OrderEvent(OrderEvent.ORDER_CREATED, "o-1", "u-1", 1000, "EUR", AT), "1")
                .add(new OrderEvent(OrderEvent.ORDER_CREATED, "o-2", "u-1", 700, "USD", AT), "2")
                .add(new OrderEvent(OrderEvent.ORDER_CANCELLED, "o-1", "u-1", 1000, "EUR", AT), "3");

        assertThat(totals).isEqualTo(new WindowTotals(2, 1, Map.of("EUR", 0L, "USD", 700L), "3"));
    }

    @Test
    void comparesSequenceNumbersLongerThanALongAsNumbers() {
        WindowTotals totals = new WindowTotals(1, 0, Map.of(), "49590338271490256608559692538361571095921575989136588898");

        assertThat(totals.counts("49590338271490256608559692538361571095921575989136588898")).isTrue();
        assertThat(totals.counts("9590338271490256608559692538361571095921575989136588899")).isTrue();
        assertThat(totals.counts("49590338271490256608559692538361571095921575989136588899")).isFalse();
        assertThat(WindowTotals.EMPTY.counts("1")).isFalse();
    }
}
