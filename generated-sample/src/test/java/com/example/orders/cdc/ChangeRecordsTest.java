package com.example.orders.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ChangeRecordsTest {

    private final ChangeRecords records = new ChangeRecords("order-service-dev-users", "order-service-dev-orders");

    @Test
    void readsAnOrdersCancellationWithBothImagesAsTheyAreStored() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/cdc/changes.json");

        Change change = records.read(event.getRecords().get(2));

        assertThat(change.aggregateId()).isEqualTo("order#order-1");
        assertThat(change.type()).isEqualTo(Change.ORDER_CANCELLED);
        assertThat(change.sequenceNumber()).isEqualTo("200000000000000000002");
        assertThat(change.occurredAt()).isEqualTo(Instant.ofEpochSecond(1772360400));
        assertThat(change.oldImage()).containsEntry("status", AttributeValue.fromS("CREATED"));
        assertThat(change.newImage()).containsEntry("status", AttributeValue.fromS("CANCELLED"))
                .containsEntry("totalCents", AttributeValue.fromN("4248"));
        assertThat(change.newImage().get("items").l().get(0).m()).containsEntry("sku", AttributeValue.fromS("BOOK-42"));
    }

    @Test
    void namesUserChangesAfterWhatHappened() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/cdc/changes.json");

        assertThat(records.read(event.getRecords().get(0)).type()).isEqualTo(Change.USER_CREATED);
        assertThat(records.read(event.getRecords().get(1)).type()).isEqualTo(Change.ORDER_PLACED);
    }

    @Test
    void convertsEveryKindOfAttributeValue() {
        var bool = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        bool.setBOOL(true);
        var nothing = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        nothing.setNULL(true);
        var list = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        list.setL(List.of(new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue("a")));
        var numbers = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        numbers.setNS(List.of("1", "2"));

        assertThat(ChangeRecords.sdk(Map.of("bool", bool, "nothing", nothing, "list", list, "numbers", numbers)))
                .containsEntry("bool", AttributeValue.fromBool(true))
                .containsEntry("nothing", AttributeValue.fromNul(true))
                .containsEntry("list", AttributeValue.fromL(List.of(AttributeValue.fromS("a"))))
                .containsEntry("numbers", AttributeValue.fromNs(List.of("1", "2")));
    }

    @Test
    void tellsTheTableByItsStreamsArn() {
        assertThat(ChangeRecords.table("arn:aws:dynamodb:eu-west-1:123456789012:table/orders-table/stream/2026-03-01T00:00:00.000"))
                .isEqualTo("orders-table");
        assertThatThrownBy(() -> ChangeRecords.table("arn:aws:kinesis:eu-west-1:123456789012:stream/orders"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
