package com.example.orders.cdc;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.example.orders.aws.AwsClients;
import com.example.orders.config.ServiceConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Reads the streams of the users and orders tables and records each change: as an event in the event
 * store, and in the order-summary projection (EventStore.append, idempotent). A change that cannot be
 * recorded is reported by its sequence number and recording stops there: Lambda checkpoints before it
 * and delivers it and everything after it again, and a change recorded already is skipped then.
 */
public final class ChangeCaptureConsumer implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeCaptureConsumer.class);

    private final ChangeRecords records;
    private final EventStore store;

    /** The constructor Lambda calls, once per execution environment. */
    public ChangeCaptureConsumer() {
        this(ServiceConfig.fromEnvironment());
    }

    private ChangeCaptureConsumer(ServiceConfig config) {
        this(new ChangeRecords(config.usersTable(), config.ordersTable()),
                new DynamoDbEventStore(AwsClients.dynamoDb(config), config.eventStoreTable(), config.orderSummaryTable()));
    }

    public ChangeCaptureConsumer(ChangeRecords records, EventStore store) {
        this.records = records;
        this.store = store;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> capture(event.getRecords()));
    }

    private StreamsEventResponse capture(List<DynamodbEvent.DynamodbStreamRecord> batch) {
        for (DynamodbEvent.DynamodbStreamRecord record : batch) {
            String sequenceNumber = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
            try {
                Change change = records.read(record);
                if (!store.append(change, OrderSummaryProjection.updateFor(change))) {
                    LOG.info("Change delivered again; already recorded", entry("aggregateId", change.aggregateId()),
                            entry("sequenceNumber", sequenceNumber));
                }
            } catch (RuntimeException e) {
                LOG.error("Change not recorded; Lambda retries from it", entry("eventId", record.getEventID()),
                        entry("sequenceNumber", sequenceNumber), e);
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)));
            }
        }
        return new StreamsEventResponse(List.of());
    }
}
