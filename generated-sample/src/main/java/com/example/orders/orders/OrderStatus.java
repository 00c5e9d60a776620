package com.example.orders.orders;

/** An order is created and may then be cancelled once; nothing else changes it. */
public enum OrderStatus {
    CREATED,
    CANCELLED
}
