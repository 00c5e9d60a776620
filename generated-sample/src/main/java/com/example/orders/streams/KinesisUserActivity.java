package com.example.orders.streams;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** User activity as JSON records of the user-activity stream, with the user id as partition key. */
public final class KinesisUserActivity implements UserActivity {

    private final KinesisClient kinesis;
    private final String stream;

    public KinesisUserActivity(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
    }

    @Override
    public void publish(UserActivityEvent event) {
        kinesis.putRecord(request -> request
                .streamName(stream)
                .partitionKey(event.userId())
                .data(SdkBytes.fromByteArray(EventJson.write(event))));
    }
}
