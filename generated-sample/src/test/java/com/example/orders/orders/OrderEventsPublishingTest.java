package com.example.orders.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.metrics.MetricNames;
import com.example.orders.metrics.RecordingMetrics;
import com.example.orders.streams.OrderEvent;
import com.example.orders.streams.OrderEvents;
import com.example.orders.streams.RecordingStreamMetrics;
import com.example.orders.testing.Sequence;
import com.example.orders.testing.SteppingClock;
import com.example.orders.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The orders API with event publishing: what reaches the order-events stream, and what a failed publish does. */
class OrderEventsPublishingTest {

    private static final Instant PLACED = Instant.parse("2026-02-01T08:00:00Z");

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final List<OrderEvent> published = new ArrayList<>();
    private final RecordingStreamMetrics streamMetrics = new RecordingStreamMetrics();
    private final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    void placingAnOrderPublishesOrderCreatedWithItsTotal() {
        var response = handler(published::add).handleRequest(event("create-order.json"), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(published).containsExactly(new OrderEvent(OrderEvent.ORDER_CREATED, "order-1", "user-1",
                2 * 1999 + 250, "EUR", SteppingClock.START));
    }

    @Test
    void cancellingAnOrderPublishesOrderCancelledAtTheTimeOfCancellation() {
        orders.create(order());

        var response = handler(published::add).handleRequest(event("cancel-order.json"), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(published).containsExactly(new OrderEvent(OrderEvent.ORDER_CANCELLED, "order-1", "user-1", 4248, "EUR",
                SteppingClock.START));
    }

    @Test
    void aCancellationThatChangesNothingPublishesNothing() {
        var response = handler(published::add).handleRequest(event("cancel-order.json"), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(published).isEmpty();
    }

    @Test
    void aFailedPublishDoesNotFailTheStoredOrderButIsCounted() {
        OrderEvents down = event -> {
            throw new IllegalStateException("stream unreachable");
        };

        var response = handler(down).handleRequest(event("create-order.json"), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(orders.find("order-1")).isPresent();
        assertThat(metrics.recorded).contains(MetricNames.ORDERS_CREATED);
        assertThat(streamMetrics.recorded).containsExactly(MetricNames.ORDER_EVENT_PUBLISH_FAILURES);
    }

    @Test
    void anOrderThatIsNotStoredIsNotPublished() {
        OrderRepository unreachable = new OrderRepository() {
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
        };
        OrdersHandler handler = new OrdersHandler(new PublishingOrderRepository(unreachable, published::add, streamMetrics),
                metrics, new SteppingClock(Duration.ZERO), new Sequence("order"));

        var response = handler.handleRequest(event("create-order.json"), new TestContext());

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(published).isEmpty();
    }

    private OrdersHandler handler(OrderEvents events) {
        return new OrdersHandler(new PublishingOrderRepository(orders, events, streamMetrics), metrics,
                new SteppingClock(Duration.ZERO), new Sequence("order"));
    }

    private static APIGatewayProxyRequestEvent event(String file) {
        return EventLoader.loadApiGatewayRestEvent("events/orders/" + file);
    }

    private static Order order() {
        return new Order("order-1", "user-1", List.of(new OrderItem("BOOK-42", 2, 1999), new OrderItem("PEN-7", 1, 250)),
                4248, "EUR", OrderStatus.CREATED, PLACED, PLACED);
    }
}
