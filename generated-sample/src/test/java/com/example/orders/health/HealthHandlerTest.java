package com.example.orders.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.config.BuildInfo;
import com.example.orders.config.ServiceConfig;
import com.example.orders.testing.Responses;
import com.example.orders.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class HealthHandlerTest {

    private final HealthHandler handler =
            new HealthHandler(ServiceConfig.from(Map.of("ENVIRONMENT", "dev")), new BuildInfo("1.2.3"));

    @ParameterizedTest
    @Event(value = "events/health/get-health.json", type = APIGatewayProxyRequestEvent.class)
    void reportsStatusServiceEnvironmentVersionAndDescription(APIGatewayProxyRequestEvent event) {
        var response = handler.handleRequest(event, new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        JsonNode body = Responses.json(response);
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("service").asText()).isEqualTo("order-service");
        assertThat(body.get("environment").asText()).isEqualTo("dev");
        assertThat(body.get("version").asText()).isEqualTo("1.2.3");
        assertThat(body.get("description").asText()).isEqualTo("Orders and customer accounts for the \"Shop\" storefront: 100% serverless, ${no} %{surprises}");
    }

    @Test
    void answersMethodNotAllowedToAPost() {
        var event = EventLoader.loadApiGatewayRestEvent("events/health/get-health.json").withHttpMethod("POST");

        var response = handler.handleRequest(event, new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET");
        assertThat(Responses.json(response).get("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void answersNotFoundForAnotherPath() {
        var event = EventLoader.loadApiGatewayRestEvent("events/health/get-health.json")
                .withResource("/healthz").withPath("/healthz");

        var response = handler.handleRequest(event, new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Responses.json(response).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void worksWithoutALambdaContext() {
        var event = EventLoader.loadApiGatewayRestEvent("events/health/get-health.json");

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(200);
    }
}
