package com.example.orders.orders;

import java.time.Instant;
import java.util.Optional;

/** Where orders are kept. */
public interface OrderRepository {

    void create(Order order);

    Optional<Order> find(String id);

    /** Moves a CREATED order to CANCELLED, in one step, so two cancellations cannot both succeed. */
    Cancellation cancel(String id, Instant at);
}
