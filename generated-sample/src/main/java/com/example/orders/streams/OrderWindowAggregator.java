package com.example.orders.streams;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.example.orders.config.ServiceConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Orders and revenue per tumbling window of the order-events stream, in real time. Lambda groups each
 * shard's records into windows by their arrival time, invokes this with a batch of them and the state
 * it returned last, and once more when the window ends (isFinalInvokeForWindow), when the totals become
 * the business metrics OrdersPerWindow and RevenuePerWindow and a log line.
 *
 * <p>A record that cannot be read is reported by its sequence number and the state returned holds what
 * came before it, so that the retry, which starts at that record, counts nothing twice. A record
 * delivered again after it was counted is recognised by its sequence number and skipped.
 */
public final class OrderWindowAggregator implements RequestHandler<KinesisTimeWindowEvent, TimeWindowEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderWindowAggregator.class);

    private final StreamMetrics metrics;

    /** The constructor Lambda calls, once per execution environment. */
    public OrderWindowAggregator() {
        this(PowertoolsStreamMetrics.create(ServiceConfig.fromEnvironment()));
    }

    public OrderWindowAggregator(StreamMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public TimeWindowEventResponse handleRequest(KinesisTimeWindowEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> aggregate(event));
    }

    private TimeWindowEventResponse aggregate(KinesisTimeWindowEvent event) {
        WindowTotals totals = WindowTotals.fromState(event.getState());
        List<KinesisEvent.KinesisEventRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (KinesisEvent.KinesisEventRecord record : records) {
            String sequenceNumber = record.getKinesis().getSequenceNumber();
            if (totals.counts(sequenceNumber)) {
                continue;
            }
            try {
                totals = totals.add(EventJson.read(record.getKinesis().getData(), OrderEvent.class), sequenceNumber);
            } catch (RuntimeException e) {
                LOG.error("Order event not aggregated; Lambda retries from it", entry("eventId", record.getEventID()),
                        entry("sequenceNumber", sequenceNumber), e);
                return new TimeWindowEventResponse(totals.toState(),
                        List.of(new TimeWindowEventResponse.BatchItemFailure(sequenceNumber)));
            }
        }
        if (Boolean.TRUE.equals(event.getIsFinalInvokeForWindow())) {
            close(event, totals);
        }
        return new TimeWindowEventResponse(totals.toState(), List.of());
    }

    private void close(KinesisTimeWindowEvent event, WindowTotals totals) {
        Instant start = Instant.parse(event.getWindow().getStart());
        metrics.windowClosed(start, totals);
        // Lambda ends a window early when its state outgrows 1 MB; the totals then cover part of it.
        LOG.info("Order window closed", entry("windowStart", event.getWindow().getStart()),
                entry("windowEnd", event.getWindow().getEnd()), entry("shardId", event.getShardId()),
                entry("orders", totals.orders()), entry("cancellations", totals.cancellations()),
                entry("revenueCents", totals.revenueCents()),
                entry("terminatedEarly", Boolean.TRUE.equals(event.getIsWindowTerminatedEarly())));
    }
}
