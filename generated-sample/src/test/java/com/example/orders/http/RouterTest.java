package com.example.orders.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.testing.Responses;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = Router.builder()
            .post("/echo", request -> ApiResponse.ok(request.jsonBody()))
            .get("/things/{id}/parts/{part}", request -> ApiResponse.ok(Map.of("id", request.id("id"), "part", request.id("part"))))
            .get("/boom", request -> {
                throw new IllegalStateException("secret connection string");
            })
            .build();

    @Test
    void matchesTemplatesAgainstThePathWhenTheResourceIsNotARoute() {
        var response = router.handle(request("GET", "/{proxy+}", "/things/t-1/parts/p-2/"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Responses.json(response).get("part").asText()).isEqualTo("p-2");
    }

    @Test
    void decodesABase64EncodedBody() {
        String body = Base64.getEncoder().encodeToString("{\"word\": \"größe\"}".getBytes(StandardCharsets.UTF_8));
        var event = request("POST", "/echo", "/echo").withBody(body).withIsBase64Encoded(true);

        var response = router.handle(event);

        assertThat(Responses.json(response).get("word").asText()).isEqualTo("größe");
    }

    @Test
    void answersNotFoundForAPathWithoutARoute() {
        var response = router.handle(request("GET", "/nothing", "/nothing"));

        assertThat(response.getStatusCode()).isEqualTo(404);
    }

    @Test
    void turnsAnUnexpectedExceptionIntoAnInternalErrorThatRevealsNothing() {
        var response = router.handle(request("GET", "/boom", "/boom"));

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("secret").doesNotContain("IllegalStateException");
        assertThat(Responses.json(response).get("requestId").asText()).isEqualTo("request-1");
    }

    private static APIGatewayProxyRequestEvent request(String method, String resource, String path) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withResource(resource)
                .withPath(path)
                .withRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withRequestId("request-1"));
    }
}
