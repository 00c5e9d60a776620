package com.example.orders.config;

import java.util.Map;

/** Where configuration parameters live: Parameter Store in Lambda, a map in tests. */
@FunctionalInterface
public interface ParameterStore {

    /**
     * The parameters directly under {@code path} (which ends with a slash), by name relative to it.
     * An empty map if there are none.
     */
    Map<String, String> byPath(String path);
}
