package com.example.orders.streams;

/** Where order events go once the change they describe is stored. */
public interface OrderEvents {

    void publish(OrderEvent event);
}
