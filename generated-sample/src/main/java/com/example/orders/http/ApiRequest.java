package com.example.orders.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a route sees of a request: its method, path, path parameters and body. */
public record ApiRequest(String method, String path, Map<String, String> pathParameters, String body) {

    /** Ids this service creates are UUIDs; the rule is a little wider so ids made elsewhere still work. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ApiRequest {
        pathParameters = Map.copyOf(pathParameters);
    }

    /** A path parameter that names a stored item; a malformed one is a 400, never a database lookup. */
    public String id(String name) {
        String value = pathParameters.get(name);
        if (value == null || !ID.matcher(value).matches()) {
            throw ApiException.invalid(List.of(new FieldError(name,
                    "must be 1 to 64 letters, digits, hyphens or underscores")));
        }
        return value;
    }

    /** The body as a JSON object; anything else is a 400 that says what was expected. */
    public JsonNode jsonBody() {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("The request needs a JSON object as its body.");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The request body is not valid JSON.");
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("The request body must be a JSON object.");
        }
        return node;
    }
}
