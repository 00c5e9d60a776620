package com.example.orders.streams;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running totals of one tumbling window on one shard. Lambda keeps them between the invocations of
 * the window as its state, a map of strings, and hands the last state to the final invocation.
 *
 * @param orders             orders placed in the window
 * @param cancellations      orders cancelled in the window
 * @param revenueCents       per currency: what was placed minus what was cancelled in the window, in
 *                           minor units (amounts in different currencies do not add up)
 * @param lastSequenceNumber the last record counted; Lambda may deliver a record again, and records of a
 *                           shard come in rising order, so one at or below it is already counted
 */
public record WindowTotals(long orders, long cancellations, Map<String, Long> revenueCents, String lastSequenceNumber) {

    static final String ORDERS = "orders";
    static final String CANCELLATIONS = "cancellations";
    static final String REVENUE = "revenueCents.";
    static final String LAST_SEQUENCE_NUMBER = "lastSequenceNumber";

    public static final WindowTotals EMPTY = new WindowTotals(0, 0, Map.of(), null);

    public WindowTotals {
        revenueCents = Map.copyOf(new TreeMap<>(revenueCents));
    }

    /** The totals a window's state holds; a new window has no state yet. */
    public static WindowTotals fromState(Map<String, String> state) {
        if (state == null || state.isEmpty()) {
            return EMPTY;
        }
        Map<String, Long> revenue = new HashMap<>();
        state.forEach((key, value) -> {
            if (key.startsWith(REVENUE)) {
                revenue.put(key.substring(REVENUE.length()), Long.parseLong(value));
            }
        });
        return new WindowTotals(Long.parseLong(state.getOrDefault(ORDERS, "0")),
                Long.parseLong(state.getOrDefault(CANCELLATIONS, "0")), revenue, state.get(LAST_SEQUENCE_NUMBER));
    }

    public Map<String, String> toState() {
        Map<String, String> state = new TreeMap<>();
        state.put(ORDERS, Long.toString(orders));
        state.put(CANCELLATIONS, Long.toString(cancellations));
        revenueCents.forEach((currency, cents) -> state.put(REVENUE + currency, Long.toString(cents)));
        if (lastSequenceNumber != null) {
            state.put(LAST_SEQUENCE_NUMBER, lastSequenceNumber);
        }
        return state;
    }

    /** Whether the record with this sequence number is counted already. Sequence numbers exceed a long. */
    public boolean counts(String sequenceNumber) {
        return lastSequenceNumber != null && new BigInteger(sequenceNumber).compareTo(new BigInteger(lastSequenceNumber)) <= 0;
    }

    public WindowTotals add(OrderEvent event, String sequenceNumber) {
        Map<String, Long> revenue = new HashMap<>(revenueCents);
        boolean created = event.type().equals(OrderEvent.ORDER_CREATED);
        revenue.merge(event.currency(), created ? event.amountCents() : -event.amountCents(), Math::addExact);
        return new WindowTotals(created ? orders + 1 : orders, created ? cancellations : cancellations + 1,
                revenue, sequenceNumber);
    }
}
