package com.example.orders.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.HashMap;
import java.util.Map;

/** What a route answers: a status, a body to write as JSON (or none) and extra headers. */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(String location, Object body) {
        return new ApiResponse(201, body, Map.of("Location", location));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    static ApiResponse of(ApiException e) {
        return new ApiResponse(e.status(), e.error(), e.headers());
    }

    APIGatewayProxyResponseEvent toEvent() {
        Map<String, String> allHeaders = new HashMap<>(headers);
        APIGatewayProxyResponseEvent event = new APIGatewayProxyResponseEvent().withStatusCode(status);
        if (body != null) {
            allHeaders.put("Content-Type", "application/json");
            event.setBody(Json.write(body));
        }
        return event.withHeaders(allHeaders).withIsBase64Encoded(false);
    }
}
