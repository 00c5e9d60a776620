package com.example.orders.health;

/** The answer of GET /health. */
public record Health(String status, String service, String environment, String version, String description) {
}
