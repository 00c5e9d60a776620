package com.example.orders.streams;

import java.util.LinkedHashSet;
import java.util.Set;

/** Processed event ids in a set. */
public final class InMemoryProcessedEvents implements ProcessedEvents {

    public final Set<String> ids = new LinkedHashSet<>();

    @Override
    public boolean contains(String eventId) {
        return ids.contains(eventId);
    }

    @Override
    public void add(String eventId) {
        ids.add(eventId);
    }
}
