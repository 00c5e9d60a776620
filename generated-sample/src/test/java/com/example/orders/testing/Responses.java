package com.example.orders.testing;

import com.example.orders.http.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads response bodies the way a client would. */
public final class Responses {

    private Responses() {
    }

    public static JsonNode json(APIGatewayProxyResponseEvent response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (JsonProcessingException e) {
            throw new AssertionError("response body is not JSON: " + response.getBody(), e);
        }
    }

    /** The field problems of a 400, field name to message, in the order the service reported them. */
    public static Map<String, String> fieldErrors(APIGatewayProxyResponseEvent response) {
        Map<String, String> errors = new LinkedHashMap<>();
        json(response).path("fields").forEach(field -> errors.put(field.get("field").asText(), field.get("message").asText()));
        return errors;
    }
}
