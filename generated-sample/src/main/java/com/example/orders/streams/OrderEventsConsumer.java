package com.example.orders.streams;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.example.orders.aws.AwsClients;
import com.example.orders.config.ServiceConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Reads the order-events stream and processes each event once. Lambda delivers records at least once,
 * so an event already processed is skipped; a record that cannot be processed is reported by its
 * sequence number, and processing stops there. Lambda checkpoints before it and delivers it and
 * everything after it again, so stopping keeps each shard's events in order (an order's cancellation
 * never overtakes its creation) without doing work that would be delivered twice anyway.
 */
public final class OrderEventsConsumer implements RequestHandler<KinesisEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderEventsConsumer.class);

    private final ProcessedEvents processed;
    private final OrderEventProcessor processor;
    private final StreamMetrics metrics;

    /** The constructor Lambda calls, once per execution environment. */
    public OrderEventsConsumer() {
        this(ServiceConfig.fromEnvironment());
    }

    private OrderEventsConsumer(ServiceConfig config) {
        this(new DynamoDbProcessedEvents(AwsClients.dynamoDb(config), config.processedEventsTable(), Clock.systemUTC(),
                        Duration.ofHours(config.orderEventsRetentionHours()).plusDays(1)),
                OrderEventsConsumer::log,
                PowertoolsStreamMetrics.create(config));
    }

    public OrderEventsConsumer(ProcessedEvents processed, OrderEventProcessor processor, StreamMetrics metrics) {
        this.processed = processed;
        this.processor = processor;
        this.metrics = metrics;
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> consume(event.getRecords()));
    }

    private StreamsEventResponse consume(List<KinesisEvent.KinesisEventRecord> records) {
        for (KinesisEvent.KinesisEventRecord record : records) {
            String sequenceNumber = record.getKinesis().getSequenceNumber();
            try {
                process(record);
            } catch (RuntimeException e) {
                LOG.error("Order event not processed; Lambda retries from it", entry("eventId", record.getEventID()),
                        entry("sequenceNumber", sequenceNumber), e);
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)));
            }
        }
        return new StreamsEventResponse(List.of());
    }

    private void process(KinesisEvent.KinesisEventRecord record) {
        OrderEvent event = EventJson.read(record.getKinesis().getData(), OrderEvent.class);
        if (processed.contains(event.eventId())) {
            LOG.info("Order event delivered again; already processed", entry("orderEvent", event.eventId()));
            return;
        }
        processor.process(event);
        // Remembered only once processed: a failure in between means processing it again, never losing it.
        processed.add(event.eventId());
        metrics.orderEventProcessed();
    }

    /** What the consumer does until the service has next steps of its own: an audit line per event. */
    private static void log(OrderEvent event) {
        LOG.info("Order event", entry("type", event.type()), entry("orderId", event.orderId()),
                entry("userId", event.userId()), entry("amountCents", event.amountCents()),
                entry("currency", event.currency()), entry("timestamp", event.timestamp().toString()));
    }
}
