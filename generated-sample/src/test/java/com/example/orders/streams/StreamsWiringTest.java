package com.example.orders.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.config.ServiceConfig;
import com.example.orders.http.Json;
import com.example.orders.orders.OrdersHandler;
import com.example.orders.testing.LocalMetrics;
import com.example.orders.testing.Responses;
import com.example.orders.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.models.TimeWindow;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The streaming code built as Lambda builds it, through the no-argument constructors: real configuration
 * and real AWS SDK clients, talking to a stub on a loopback port that answers DynamoDB and Kinesis.
 * Kinesis clients speak CBOR unless told otherwise; this stub reads JSON, which they speak just as well.
 */
class StreamsWiringTest {

    private static final List<String> SYSTEM_PROPERTIES = List.of("aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey",
            "aws.cborEnabled");

    private static HttpServer aws;
    private static final List<Call> calls = new CopyOnWriteArrayList<>();

    /** One request the stub answered: the operation (X-Amz-Target) and its JSON body. */
    record Call(String operation, JsonNode body) {
    }

    @BeforeAll
    static void startTheAwsStub() throws IOException {
        LocalMetrics.writeToStdout();
        aws = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        aws.createContext("/", StreamsWiringTest::answer);
        aws.start();
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:" + aws.getAddress().getPort());
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        System.setProperty("aws.cborEnabled", "false");
    }

    @AfterAll
    static void stopTheAwsStub() {
        SYSTEM_PROPERTIES.forEach(System::clearProperty);
        aws.stop(0);
    }

    @BeforeEach
    void forgetEarlierCalls() {
        calls.clear();
    }

    @Test
    void aPlacedOrderGoesIntoTheConfiguredStreamKeyedByItsId() {
        var response = new OrdersHandler().handleRequest(
                EventLoader.loadApiGatewayRestEvent("events/orders/create-order.json"), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(201);
        String orderId = Responses.json(response).get("id").asText();
        JsonNode put = call("Kinesis_20131202.PutRecord");
        assertThat(put.get("StreamName").asText()).isEqualTo(ServiceConfig.fromEnvironment().orderEventsStream());
        assertThat(put.get("PartitionKey").asText()).isEqualTo(orderId);
    }

    @Test
    void theConsumerRemembersWhatItProcessedInTheConfiguredTable() {
        var response = new OrderEventsConsumer().handleRequest(
                EventLoader.loadKinesisEvent("events/streams/order-events.json"), new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        String table = ServiceConfig.fromEnvironment().processedEventsTable();
        assertThat(call("DynamoDB_20120810.PutItem").get("TableName").asText()).isEqualTo(table);
        assertThat(calls).filteredOn(c -> c.operation().endsWith(".PutItem")).hasSize(3);
    }

    @Test
    void theAggregatorClosesAWindowWithoutCallingAws() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        KinesisTimeWindowEvent event = new KinesisTimeWindowEvent();
        event.setRecords(EventLoader.loadKinesisEvent("events/streams/order-events.json").getRecords());
        event.setWindow(new TimeWindow(start.toString(), start.plus(Duration.ofMinutes(5)).toString()));
        event.setState(Map.of());
        event.setShardId("shardId-000000000000");
        event.setIsFinalInvokeForWindow(true);
        event.setIsWindowTerminatedEarly(false);

        var response = new OrderWindowAggregator().handleRequest(event, new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(response.getState()).containsEntry("orders", "2");
        assertThat(calls).isEmpty();
    }

    private static JsonNode call(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).map(Call::body).findFirst()
                .orElseThrow(() -> new AssertionError("no " + operation + " among " + calls));
    }

    /** Every write succeeds and every read finds nothing: enough of DynamoDB and Kinesis for these calls. */
    private static void answer(HttpExchange exchange) throws IOException {
        String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        calls.add(new Call(operation, Json.MAPPER.readTree(exchange.getRequestBody())));
        ObjectNode response = Json.MAPPER.createObjectNode();
        if (operation.startsWith("Kinesis")) {
            response.put("ShardId", "shardId-000000000000").put("SequenceNumber", "1");
        }
        byte[] body = Json.MAPPER.writeValueAsBytes(response);
        exchange.getResponseHeaders().set("Content-Type", operation.startsWith("Kinesis")
                ? "application/x-amz-json-1.1" : "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
