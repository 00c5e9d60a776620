package com.example.orders.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;

class KinesisOrderEventsTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    private final StubKinesis kinesis = new StubKinesis();

    @Test
    void putsAnOrderEventAsJsonKeyedByItsOrderId() throws Exception {
        new KinesisOrderEvents(kinesis, "orders-stream").publish(new OrderEvent(OrderEvent.ORDER_CREATED, "order-1", "user-1", 4248, "EUR", AT));

        PutRecordRequest put = kinesis.puts.get(0);
        assertThat(put.streamName()).isEqualTo("orders-stream");
        assertThat(put.partitionKey()).isEqualTo("order-1");
        JsonNode data = Json.MAPPER.readTree(put.data().asUtf8String());
        assertThat(data.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("type", "orderId", "userId", "amountCents", "currency", "timestamp");
        assertThat(data.get("type").asText()).isEqualTo("OrderCreated");
        assertThat(data.get("amountCents").asLong()).isEqualTo(4248);
        assertThat(data.get("timestamp").asText()).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(EventJson.read(put.data().asByteBuffer(), OrderEvent.class))
                .isEqualTo(new OrderEvent(OrderEvent.ORDER_CREATED, "order-1", "user-1", 4248, "EUR", AT));
    }

    @Test
    void putsUserActivityKeyedByTheUserIdWithoutTheirDetails() throws Exception {
        new KinesisUserActivity(kinesis, "activity-stream").publish(new UserActivityEvent(UserActivityEvent.USER_UPDATED, "user-1", AT));

        PutRecordRequest put = kinesis.puts.get(0);
        assertThat(put.streamName()).isEqualTo("activity-stream");
        assertThat(put.partitionKey()).isEqualTo("user-1");
        JsonNode data = Json.MAPPER.readTree(put.data().asUtf8String());
        assertThat(data.fieldNames()).toIterable().containsExactlyInAnyOrder("type", "userId", "timestamp");
    }

    @Test
    void aReaderIgnoresFieldsAddedLater() {
        String data = "{\"type\": \"OrderCancelled\", \"orderId\": \"order-1\", \"userId\": \"user-1\", \"amountCents\": 5,"
                + " \"currency\": \"EUR\", \"timestamp\": \"2026-03-01T10:15:30Z\", \"reason\": \"changed my mind\"}";

        OrderEvent event = EventJson.read(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)), OrderEvent.class);

        assertThat(event.eventId()).isEqualTo("OrderCancelled:order-1");
    }

    /** A Kinesis client that keeps the records it is sent. */
    private static final class StubKinesis implements KinesisClient {

        final List<PutRecordRequest> puts = new ArrayList<>();

        @Override
        public PutRecordResponse putRecord(PutRecordRequest request) {
            puts.add(request);
            return PutRecordResponse.builder().shardId("shardId-000000000000").sequenceNumber("1").build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }
}
