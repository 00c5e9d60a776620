package com.example.orders.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the fields of a JSON request body and collects every problem, so that a client learns all
 * that is wrong with a request in one answer. Readers return null (or 0) for a bad field; call
 * throwIfInvalid() before using what they returned.
 */
public final class JsonFields {

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonFields(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    public static JsonFields of(JsonNode body) {
        return new JsonFields(body, "", new ArrayList<>());
    }

    /** A required string of 1 to maxLength characters, without surrounding blanks. */
    public String text(String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return reject(name, "is required");
        }
        if (!value.isTextual()) {
            return reject(name, "must be a string");
        }
        String text = value.asText().strip();
        if (text.isEmpty() || text.length() > maxLength) {
            return reject(name, "must be 1 to " + maxLength + " characters");
        }
        return text;
    }

    /** A required string that matches a pattern; rule says what the pattern allows, for the client. */
    public String text(String name, int maxLength, Pattern pattern, String rule) {
        int before = errors.size();
        String text = text(name, maxLength);
        if (errors.size() == before && !pattern.matcher(text).matches()) {
            return reject(name, rule);
        }
        return text;
    }

    /** A required whole number from min to max. */
    public int integer(String name, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            reject(name, "is required");
        } else if (!value.canConvertToExactIntegral() || !value.canConvertToLong()
                || value.asLong() < min || value.asLong() > max) {
            reject(name, "must be a whole number from " + min + " to " + max);
        } else {
            return value.asInt();
        }
        return 0;
    }

    /** A required array of minSize to maxSize objects, each read with the returned readers. */
    public List<JsonFields> objects(String name, int minSize, int maxSize) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || !value.isArray() || value.size() < minSize || value.size() > maxSize) {
            reject(name, "must be a list of " + minSize + " to " + maxSize + " objects");
            return List.of();
        }
        List<JsonFields> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String itemName = prefix + name + "[" + i + "]";
            if (value.get(i).isObject()) {
                items.add(new JsonFields(value.get(i), itemName + ".", errors));
            } else {
                errors.add(new FieldError(itemName, "must be an object"));
            }
        }
        return items;
    }

    /** Records a problem found by a rule these readers do not know. */
    public <T> T reject(String name, String message) {
        errors.add(new FieldError(prefix + name, message));
        return null;
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
