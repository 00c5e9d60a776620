package com.example.orders.cdc;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the changes out of table stream records: which table by the stream's ARN, what happened by the
 * operation and the images. A record it cannot read is an IllegalArgumentException.
 */
public final class ChangeRecords {

    private final String usersTable;
    private final String ordersTable;

    public ChangeRecords(String usersTable, String ordersTable) {
        this.usersTable = usersTable;
        this.ordersTable = ordersTable;
    }

    public Change read(DynamodbEvent.DynamodbStreamRecord record) {
        StreamRecord stream = record.getDynamodb();
        if (stream == null || stream.getKeys() == null || stream.getKeys().get("id") == null || stream.getKeys().get("id").getS() == null) {
            throw new IllegalArgumentException("the record has no string key id");
        }
        String table = table(record.getEventSourceARN());
        String aggregate;
        if (table.equals(usersTable)) {
            aggregate = Change.USER;
        } else if (table.equals(ordersTable)) {
            aggregate = Change.ORDER;
        } else {
            throw new IllegalArgumentException("the record comes from table " + table + ", which is not captured");
        }
        Map<String, AttributeValue> oldImage = sdk(stream.getOldImage());
        Map<String, AttributeValue> newImage = sdk(stream.getNewImage());
        Instant occurredAt = stream.getApproximateCreationDateTime() == null
                ? Instant.EPOCH : stream.getApproximateCreationDateTime().toInstant();
        return new Change(aggregate, stream.getKeys().get("id").getS(),
                type(aggregate, record.getEventName(), oldImage, newImage), stream.getSequenceNumber(), occurredAt,
                oldImage, newImage);
    }

    /** {@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>} to its table name. */
    static String table(String streamArn) {
        String[] parts = streamArn == null ? new String[0] : streamArn.split("/");
        if (parts.length < 4 || !parts[0].endsWith(":table") || !parts[2].equals("stream")) {
            throw new IllegalArgumentException("not the ARN of a table stream: " + streamArn);
        }
        return parts[1];
    }

    private static String type(String aggregate, String operation, Map<String, AttributeValue> oldImage,
                               Map<String, AttributeValue> newImage) {
        if (operation == null) {
            throw new IllegalArgumentException("the record has no eventName");
        }
        boolean order = aggregate.equals(Change.ORDER);
        return switch (operation) {
            case "INSERT" -> order ? Change.ORDER_PLACED : Change.USER_CREATED;
            case "MODIFY" -> order ? (cancels(oldImage, newImage) ? Change.ORDER_CANCELLED : Change.ORDER_CHANGED) : Change.USER_UPDATED;
            case "REMOVE" -> order ? Change.ORDER_REMOVED : Change.USER_DELETED;
            default -> throw new IllegalArgumentException("unknown eventName " + operation);
        };
    }

    private static boolean cancels(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        return "CREATED".equals(text(oldImage, "status")) && "CANCELLED".equals(text(newImage, "status"));
    }

    private static String text(Map<String, AttributeValue> image, String name) {
        AttributeValue value = image.get(name);
        return value == null ? null : value.s();
    }

    /** The Lambda event's attribute values as the SDK's, to write them into the event store as they were. */
    static Map<String, AttributeValue> sdk(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        if (image == null) {
            return Map.of();
        }
        return image.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> sdk(e.getValue())));
    }

    private static AttributeValue sdk(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value) {
        if (value.getS() != null) {
            return AttributeValue.fromS(value.getS());
        } else if (value.getN() != null) {
            return AttributeValue.fromN(value.getN());
        } else if (value.getB() != null) {
            return AttributeValue.fromB(bytes(value.getB()));
        } else if (value.getSS() != null) {
            return AttributeValue.fromSs(value.getSS());
        } else if (value.getNS() != null) {
            return AttributeValue.fromNs(value.getNS());
        } else if (value.getBS() != null) {
            return AttributeValue.fromBs(value.getBS().stream().map(ChangeRecords::bytes).toList());
        } else if (value.getM() != null) {
            return AttributeValue.fromM(sdk(value.getM()));
        } else if (value.getL() != null) {
            List<AttributeValue> list = value.getL().stream().map(ChangeRecords::sdk).toList();
            return AttributeValue.fromL(list);
        } else if (value.getBOOL() != null) {
            return AttributeValue.fromBool(value.getBOOL());
        } else if (Boolean.TRUE.equals(value.getNULL())) {
            return AttributeValue.fromNul(true);
        }
        throw new IllegalArgumentException("an attribute value of no known type: " + value);
    }

    private static SdkBytes bytes(ByteBuffer buffer) {
        return SdkBytes.fromByteBuffer(buffer.duplicate());
    }
}
