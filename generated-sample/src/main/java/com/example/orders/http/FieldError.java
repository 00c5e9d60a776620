package com.example.orders.http;

/** One problem with one field of a request, named as the client wrote it, e.g. {@code items[0].quantity}. */
public record FieldError(String field, String message) {
}
