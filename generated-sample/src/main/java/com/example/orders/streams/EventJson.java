package com.example.orders.streams;

import com.example.orders.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Events as the JSON in stream records. Readers ignore fields they do not know, so a producer can add
 * fields without breaking the consumers still running the code from before.
 */
public final class EventJson {

    private EventJson() {
    }

    public static byte[] write(Object event) {
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    /** The event in {@code data}, or IllegalArgumentException saying why there is none. */
    public static <T> T read(ByteBuffer data, Class<T> type) {
        ByteBuffer copy = data.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        ObjectReader reader = Json.MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return reader.readValue(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
