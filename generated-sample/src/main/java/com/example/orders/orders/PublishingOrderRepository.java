package com.example.orders.orders;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.example.orders.streams.OrderEvent;
import com.example.orders.streams.OrderEvents;
import com.example.orders.streams.StreamMetrics;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders kept by another repository, each placement and cancellation then published as an order event.
 *
 * <p>The order is stored before its event is published, and a failed publish does not fail the request:
 * the stored order is the truth, and answering an error for it would make the client retry a POST that
 * succeeded and place the order twice. The event is lost instead; the error is logged with the order id,
 * so it can be published again by hand, and counted (OrderEventPublishFailures, which alarms). The
 * alternative that loses nothing is an outbox, the order and its event written in one DynamoDB
 * transaction and relayed to the stream from the table's stream; it costs a second write on every
 * request and a relay function, more than the occasional gap in real-time analytics is worth here.
 */
public final class PublishingOrderRepository implements OrderRepository {

    private static final Logger LOG = LoggerFactory.getLogger(PublishingOrderRepository.class);

    private final OrderRepository orders;
    private final OrderEvents events;
    private final StreamMetrics metrics;

    public PublishingOrderRepository(OrderRepository orders, OrderEvents events, StreamMetrics metrics) {
        this.orders = orders;
        this.events = events;
        this.metrics = metrics;
    }

    @Override
    public void create(Order order) {
        orders.create(order);
        publish(event(OrderEvent.ORDER_CREATED, order, order.createdAt()));
    }

    @Override
    public Optional<Order> find(String id) {
        return orders.find(id);
    }

    @Override
    public Cancellation cancel(String id, Instant at) {
        Cancellation cancellation = orders.cancel(id, at);
        if (cancellation instanceof Cancellation.Cancelled cancelled) {
            publish(event(OrderEvent.ORDER_CANCELLED, cancelled.order(), cancelled.order().updatedAt()));
        }
        return cancellation;
    }

    private static OrderEvent event(String type, Order order, Instant at) {
        return new OrderEvent(type, order.id(), order.userId(), order.totalCents(), order.currency(), at);
    }

    private void publish(OrderEvent event) {
        try {
            events.publish(event);
        } catch (RuntimeException e) {
            LOG.error("Order event not published; the order is stored", entry("orderId", event.orderId()),
                    entry("type", event.type()), e);
            metrics.orderEventNotPublished();
        }
    }
}
