package com.example.orders.http;

/** Answers the requests of one route. */
@FunctionalInterface
public interface RouteHandler {

    ApiResponse handle(ApiRequest request);
}
