package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.config.ServiceConfig;
import com.example.orders.health.HealthHandler;
import com.example.orders.http.Json;
import com.example.orders.orders.OrdersHandler;
import com.example.orders.testing.LocalMetrics;
import com.example.orders.testing.Responses;
import com.example.orders.testing.TestContext;
import com.example.orders.users.UsersHandler;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handlers built as Lambda builds them, through their no-argument constructors: real
 * configuration, real AWS SDK client with the X-Ray interceptor, real metrics. DynamoDB is a stub on
 * a loopback port that speaks its JSON protocol, and there is no X-Ray segment, as on a laptop: calls
 * must still succeed.
 */
class LambdaWiringTest {

    private static final List<String> SYSTEM_PROPERTIES = List.of("aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey",
            "aws.cborEnabled");

    private static HttpServer dynamoDb;
    private static final Map<String, JsonNode> items = new ConcurrentHashMap<>();
    private static final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startDynamoDbStub() throws IOException {
        LocalMetrics.writeToStdout();
        dynamoDb = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        dynamoDb.createContext("/", LambdaWiringTest::answer);
        dynamoDb.start();
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:" + dynamoDb.getAddress().getPort());
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        // The orders and users functions also put records into Kinesis, whose client speaks CBOR unless
        // told otherwise; the stub reads JSON, and answers every other operation with an empty success.
        System.setProperty("aws.cborEnabled", "false");
    }

    @AfterAll
    static void stopDynamoDbStub() {
        SYSTEM_PROPERTIES.forEach(System::clearProperty);
        dynamoDb.stop(0);
    }

    @Test
    void healthAnswersWithTheConfigurationFromTheEnvironment() {
        var response = new HealthHandler().handleRequest(
                EventLoader.loadApiGatewayRestEvent("events/health/get-health.json"), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Responses.json(response).get("environment").asText())
                .isEqualTo(ServiceConfig.fromEnvironment().environment());
    }

    @Test
    void usersAreWrittenToAndReadFromTheConfiguredTable() {
        UsersHandler handler = new UsersHandler();

        var created = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("events/users/create-user.json"), new TestContext());
        String id = Responses.json(created).get("id").asText();
        var read = handler.handleRequest(EventLoader.loadApiGatewayRestEvent("events/users/get-user.json")
                .withPathParameters(Map.of("id", id)), new TestContext());

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(Responses.json(read).get("email").asText()).isEqualTo("ada@example.com");
        assertThat(requests).extracting(request -> request.path("TableName").asText())
                .contains(ServiceConfig.fromEnvironment().usersTable());
    }

    @Test
    void ordersAreWrittenToTheConfiguredTable() {
        var response = new OrdersHandler().handleRequest(
                EventLoader.loadApiGatewayRestEvent("events/orders/create-order.json"), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(requests).extracting(request -> request.path("TableName").asText())
                .contains(ServiceConfig.fromEnvironment().ordersTable());
    }

    /** PutItem stores the item under its id, GetItem returns it: enough of DynamoDB for these calls. */
    private static void answer(HttpExchange exchange) throws IOException {
        JsonNode request = Json.MAPPER.readTree(exchange.getRequestBody());
        requests.add(request);
        String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        ObjectNode response = Json.MAPPER.createObjectNode();
        if (operation.endsWith(".PutItem")) {
            items.put(request.at("/Item/id/S").asText(), request.get("Item"));
        } else if (operation.endsWith(".GetItem") && items.containsKey(request.at("/Key/id/S").asText())) {
            response.set("Item", items.get(request.at("/Key/id/S").asText()));
        }
        byte[] body = Json.MAPPER.writeValueAsBytes(response);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
