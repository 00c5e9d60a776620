package com.example.orders.orders;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Orders in a map: the repository that handler tests run against. */
public final class InMemoryOrderRepository implements OrderRepository {

    final Map<String, Order> orders = new LinkedHashMap<>();

    @Override
    public void create(Order order) {
        if (orders.putIfAbsent(order.id(), order) != null) {
            throw new IllegalStateException("duplicate id " + order.id());
        }
    }

    @Override
    public Optional<Order> find(String id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public Cancellation cancel(String id, Instant at) {
        Order order = orders.get(id);
        if (order == null) {
            return new Cancellation.NotFound();
        }
        if (order.status() == OrderStatus.CANCELLED) {
            return new Cancellation.AlreadyCancelled();
        }
        Order cancelled = order.cancel(at);
        orders.put(id, cancelled);
        return new Cancellation.Cancelled(cancelled);
    }
}
