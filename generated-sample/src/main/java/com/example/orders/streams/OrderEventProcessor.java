package com.example.orders.streams;

/**
 * What the service does with each order event, once: the place for its next steps, such as a
 * confirmation mail or a fulfilment request. An exception fails the record, which Lambda then retries.
 */
@FunctionalInterface
public interface OrderEventProcessor {

    void process(OrderEvent event);
}
