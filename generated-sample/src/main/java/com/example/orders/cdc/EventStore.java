package com.example.orders.cdc;

/** Where changes are kept as events, with the projections they feed. */
public interface EventStore {

    /**
     * Appends the change as an event and applies its summary update, both or neither; false, with nothing
     * applied, when the change is stored already (Lambda delivers each stream record at least once).
     */
    boolean append(Change change, SummaryUpdate update);
}
