package com.example.orders.orders;

/** What asking to cancel an order came to. */
public sealed interface Cancellation {

    record Cancelled(Order order) implements Cancellation {
    }

    record AlreadyCancelled() implements Cancellation {
    }

    record NotFound() implements Cancellation {
    }
}
