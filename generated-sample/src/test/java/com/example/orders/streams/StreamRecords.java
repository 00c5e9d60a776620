package com.example.orders.streams;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Kinesis records as Lambda hands them to a function, made up in tests. */
public final class StreamRecords {

    /** Sequence numbers of one shard are decimal numbers too long for a long, rising record by record. */
    public static final String SEQUENCE = "4959033827149025660855969253836157109592157598913658";

    private StreamRecords() {
    }

    /** The {@code n}th record of the shard, carrying {@code data}. */
    public static KinesisEvent.KinesisEventRecord record(int n, String data) {
        KinesisEvent.Record kinesis = new KinesisEvent.Record();
        kinesis.setSequenceNumber(sequenceNumber(n));
        kinesis.setPartitionKey("key-" + n);
        kinesis.setData(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)));
        KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
        record.setKinesis(kinesis);
        record.setEventID("shardId-000000000000:" + sequenceNumber(n));
        return record;
    }

    public static String sequenceNumber(int n) {
        return SEQUENCE + (8000 + n);
    }

    public static KinesisEvent batch(KinesisEvent.KinesisEventRecord... records) {
        KinesisEvent event = new KinesisEvent();
        event.setRecords(List.of(records));
        return event;
    }

    public static String created(String orderId, long amountCents, String currency) {
        return """
                {"type": "OrderCreated", "orderId": "%s", "userId": "user-1", "amountCents": %d, "currency": "%s",
                 "timestamp": "2026-03-01T10:15:30Z"}""".formatted(orderId, amountCents, currency);
    }

    public static String cancelled(String orderId, long amountCents, String currency) {
        return """
                {"type": "OrderCancelled", "orderId": "%s", "userId": "user-1", "amountCents": %d, "currency": "%s",
                 "timestamp": "2026-03-01T10:20:30Z"}""".formatted(orderId, amountCents, currency);
    }
}
