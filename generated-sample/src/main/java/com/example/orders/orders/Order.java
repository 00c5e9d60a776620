package com.example.orders.orders;

import java.time.Instant;
import java.util.List;

/** An order, as stored and as the API returns it; {@code totalCents} is the sum of its items. */
public record Order(String id, String userId, List<OrderItem> items, long totalCents, String currency,
                    OrderStatus status, Instant createdAt, Instant updatedAt) {

    public Order {
        items = List.copyOf(items);
    }

    static Order place(String id, NewOrder request, Instant at) {
        long total = request.items().stream().mapToLong(OrderItem::totalCents).reduce(0, Math::addExact);
        return new Order(id, request.userId(), request.items(), total, request.currency(), OrderStatus.CREATED, at, at);
    }

    Order cancel(Instant at) {
        return new Order(id, userId, items, totalCents, currency, OrderStatus.CANCELLED, createdAt, at);
    }
}
