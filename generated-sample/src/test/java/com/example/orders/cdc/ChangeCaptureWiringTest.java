package com.example.orders.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.config.ServiceConfig;
import com.example.orders.http.Json;
import com.example.orders.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The change-capture function built as Lambda builds it, through its no-argument constructor: real
 * configuration and a real DynamoDB client, against a stub on a loopback port that speaks DynamoDB's JSON.
 */
class ChangeCaptureWiringTest {

    private static final List<String> SYSTEM_PROPERTIES = List.of("aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey");

    private static HttpServer dynamoDb;
    private static final List<Map.Entry<String, JsonNode>> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheDynamoDbStub() throws IOException {
        dynamoDb = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        dynamoDb.createContext("/", ChangeCaptureWiringTest::answer);
        dynamoDb.start();
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:" + dynamoDb.getAddress().getPort());
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterAll
    static void stopTheDynamoDbStub() {
        SYSTEM_PROPERTIES.forEach(System::clearProperty);
        dynamoDb.stop(0);
    }

    @Test
    void changesGoToTheConfiguredEventStoreAndSummaryTables() {
        // The function tells the tables by the names in its configuration, as the stream ARNs carry them.
        ServiceConfig config = ServiceConfig.fromEnvironment();
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/cdc/changes.json");
        event.getRecords().forEach(record -> record.setEventSourceARN(record.getEventSourceARN()
                .replace("order-service-dev-users", config.usersTable())
                .replace("order-service-dev-orders", config.ordersTable())));

        var response = new ChangeCaptureConsumer().handleRequest(event, new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<JsonNode> transactions = requests.stream().filter(r -> r.getKey().endsWith(".TransactWriteItems")).map(Map.Entry::getValue).toList();
        assertThat(transactions).hasSize(3);
        assertThat(transactions.get(1).at("/TransactItems/0/Put/TableName").asText()).isEqualTo(config.eventStoreTable());
        assertThat(transactions.get(1).at("/TransactItems/1/Update/TableName").asText()).isEqualTo(config.orderSummaryTable());
    }

    /** Every write succeeds: enough of DynamoDB for these calls. */
    private static void answer(HttpExchange exchange) throws IOException {
        requests.add(Map.entry(exchange.getRequestHeaders().getFirst("X-Amz-Target"), Json.MAPPER.readTree(exchange.getRequestBody())));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
