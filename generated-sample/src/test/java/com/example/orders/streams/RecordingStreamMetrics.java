package com.example.orders.streams;

import com.example.orders.metrics.MetricNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stream metrics kept in lists: the names of the counted events, and each window that closed. */
public final class RecordingStreamMetrics implements StreamMetrics {

    /** A window that closed, as windowClosed was told of it. */
    public record ClosedWindow(Instant start, WindowTotals totals) {
    }

    public final List<String> recorded = new ArrayList<>();
    public final List<ClosedWindow> windows = new ArrayList<>();

    @Override
    public void orderEventNotPublished() {
        recorded.add(MetricNames.ORDER_EVENT_PUBLISH_FAILURES);
    }

    @Override
    public void userActivityNotPublished() {
        recorded.add(MetricNames.USER_ACTIVITY_PUBLISH_FAILURES);
    }

    @Override
    public void orderEventProcessed() {
        recorded.add(MetricNames.ORDER_EVENTS_PROCESSED);
    }

    @Override
    public void windowClosed(Instant windowStart, WindowTotals totals) {
        windows.add(new ClosedWindow(windowStart, totals));
    }
}
