package com.example.orders.streams;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Order events as JSON records of the order-events stream, with the order id as partition key. */
public final class KinesisOrderEvents implements OrderEvents {

    private final KinesisClient kinesis;
    private final String stream;

    public KinesisOrderEvents(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
    }

    @Override
    public void publish(OrderEvent event) {
        kinesis.putRecord(request -> request
                .streamName(stream)
                .partitionKey(event.orderId())
                .data(SdkBytes.fromByteArray(EventJson.write(event))));
    }
}
