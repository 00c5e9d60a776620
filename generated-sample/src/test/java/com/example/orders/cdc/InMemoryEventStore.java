package com.example.orders.cdc;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events and order summaries in maps, appended and updated as DynamoDbEventStore does. */
public final class InMemoryEventStore implements EventStore {

    /** One user's order summary. */
    public record Summary(long orders, long cancellations, Map<String, Long> totalCents, Instant lastOrderAt) {
    }

    /** By aggregate id and sequence number. */
    public final Map<String, Change> events = new LinkedHashMap<>();
    public final Map<String, Summary> summaries = new HashMap<>();

    @Override
    public boolean append(Change change, SummaryUpdate update) {
        String key = change.aggregateId() + "/" + change.sequenceNumber();
        if (events.putIfAbsent(key, change) != null) {
            return false;
        }
        if (!update.isNone()) {
            Summary summary = summaries.getOrDefault(update.userId(), new Summary(0, 0, Map.of(), null));
            Map<String, Long> totals = new HashMap<>(summary.totalCents());
            totals.merge(update.currency(), update.amountCents(), Long::sum);
            Instant last = summary.lastOrderAt();
            if (update.orderedAt() != null && (last == null || update.orderedAt().isAfter(last))) {
                last = update.orderedAt();
            }
            summaries.put(update.userId(), new Summary(summary.orders() + update.orders(),
                    summary.cancellations() + update.cancellations(), Map.copyOf(totals), last));
        }
        return true;
    }
}
