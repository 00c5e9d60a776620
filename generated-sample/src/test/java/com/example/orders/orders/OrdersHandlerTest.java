package com.example.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.example.orders.metrics.MetricNames;
import com.example.orders.metrics.RecordingMetrics;
import com.example.orders.testing.Responses;
import com.example.orders.testing.Sequence;
import com.example.orders.testing.SteppingClock;
import com.example.orders.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class OrdersHandlerTest {

    private static final Instant PLACED = Instant.parse("2026-02-01T08:00:00Z");

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final OrdersHandler handler =
            new OrdersHandler(orders, metrics, new SteppingClock(Duration.ofMillis(12)), new Sequence("order"));

    @ParameterizedTest
    @Event(value = "events/orders/create-order.json", type = APIGatewayProxyRequestEvent.class)
    void placesAnOrderWithItsTotalAndCountsIt(APIGatewayProxyRequestEvent event) {
        var response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("Location", "/orders/order-1");
        JsonNode body = Responses.json(response);
        assertThat(body.get("id").asText()).isEqualTo("order-1");
        assertThat(body.get("userId").asText()).isEqualTo("user-1");
        assertThat(body.get("items")).hasSize(2);
        assertThat(body.get("totalCents").asLong()).isEqualTo(2 * 1999 + 250);
        assertThat(body.get("currency").asText()).isEqualTo("EUR");
        assertThat(body.get("status").asText()).isEqualTo("CREATED");
        assertThat(body.get("createdAt").asText()).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(orders.find("order-1")).isPresent();
        assertThat(metrics.recorded).containsExactly(
                MetricNames.ORDERS_CREATED, MetricNames.ORDER_PROCESSING_TIME + "=12ms");
    }

    @Test
    void rejectsAnOrderNamingEveryBadField() {
        var response = handle(event("create-order.json").withBody("""
                {"userId": "", "currency": "XYZ",
                 "items": [{"sku": "BOOK-42", "quantity": 0, "unitPriceCents": 1999},
                           {"sku": "no spaces", "quantity": 1.5},
                           "pen"]}
                """));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Responses.fieldErrors(response)).containsOnly(
                entry("userId", "must be 1 to 64 characters"),
                entry("currency", "must be an ISO 4217 code such as EUR or USD"),
                entry("items[0].quantity", "must be a whole number from 1 to 1000"),
                entry("items[1].sku", "must be 1 to 64 letters, digits, dots, hyphens or underscores"),
                entry("items[1].quantity", "must be a whole number from 1 to 1000"),
                entry("items[1].unitPriceCents", "is required"),
                entry("items[2]", "must be an object"));
        assertThat(orders.orders).isEmpty();
        assertThat(metrics.recorded).isEmpty();
    }

    @Test
    void rejectsAnOrderWithoutItems() {
        var response = handle(event("create-order.json").withBody("""
                {"userId": "user-1", "currency": "EUR", "items": []}
                """));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(Responses.fieldErrors(response)).containsExactly(entry("items", "must be a list of 1 to 100 objects"));
    }

    @ParameterizedTest
    @Event(value = "events/orders/get-order.json", type = APIGatewayProxyRequestEvent.class)
    void returnsAStoredOrder(APIGatewayProxyRequestEvent event) {
        orders.create(order(OrderStatus.CREATED));

        var response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = Responses.json(response);
        assertThat(body.get("totalCents").asLong()).isEqualTo(4248);
        assertThat(body.get("items").get(0).get("sku").asText()).isEqualTo("BOOK-42");
    }

    @Test
    void answersNotFoundForAnUnknownOrder() {
        var response = handle(event("get-order.json"));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Responses.json(response).get("error").asText()).isEqualTo("not_found");
    }

    @ParameterizedTest
    @Event(value = "events/orders/cancel-order.json", type = APIGatewayProxyRequestEvent.class)
    void cancelsACreatedOrderAndCountsIt(APIGatewayProxyRequestEvent event) {
        orders.create(order(OrderStatus.CREATED));

        var response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = Responses.json(response);
        assertThat(body.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(body.get("createdAt").asText()).isEqualTo("2026-02-01T08:00:00Z");
        assertThat(body.get("updatedAt").asText()).isEqualTo("2026-03-01T10:15:30Z");
        assertThat(orders.find("order-1").map(Order::status)).contains(OrderStatus.CANCELLED);
        assertThat(metrics.recorded).containsExactly(MetricNames.ORDERS_CANCELLED);
    }

    @Test
    void answersConflictWhenCancellingACancelledOrder() {
        orders.create(order(OrderStatus.CANCELLED));

        var response = handle(event("cancel-order.json"));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(Responses.json(response).get("error").asText()).isEqualTo("conflict");
        assertThat(metrics.recorded).isEmpty();
    }

    @Test
    void answersNotFoundWhenCancellingAnUnknownOrder() {
        var response = handle(event("cancel-order.json"));

        assertThat(response.getStatusCode()).isEqualTo(404);
    }

    @Test
    void answersMethodNotAllowedToAGetOnCancel() {
        var response = handle(event("cancel-order.json").withHttpMethod("GET"));

        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "POST");
    }

    @Test
    void answersAnInternalErrorWithoutDetailsWhenStorageFails() {
        OrdersHandler failing = new OrdersHandler(new UnreachableOrders(), metrics, new SteppingClock(Duration.ZERO), new Sequence("order"));

        var response = failing.handleRequest(event("create-order.json"), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(Responses.json(response).get("error").asText()).isEqualTo("internal_error");
        assertThat(response.getBody()).doesNotContain("orders-table");
        assertThat(metrics.recorded).isEmpty();
    }

    private APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(event, new TestContext());
    }

    private static APIGatewayProxyRequestEvent event(String file) {
        return EventLoader.loadApiGatewayRestEvent("events/orders/" + file);
    }

    private static Order order(OrderStatus status) {
        return new Order("order-1", "user-1",
                List.of(new OrderItem("BOOK-42", 2, 1999), new OrderItem("PEN-7", 1, 250)),
                4248, "EUR", status, PLACED, PLACED);
    }

    /** Storage that is down: every call fails the way an unreachable table would. */
    private static final class UnreachableOrders implements OrderRepository {

        @Override
        public void create(Order order) {
            throw new IllegalStateException("orders-table is not reachable");
        }

        @Override
        public Optional<Order> find(String id) {
            throw new IllegalStateException("orders-table is not reachable");
        }

        @Override
        public Cancellation cancel(String id, Instant at) {
            throw new IllegalStateException("orders-table is not reachable");
        }
    }
}
