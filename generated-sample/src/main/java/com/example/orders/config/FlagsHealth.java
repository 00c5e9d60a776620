package com.example.orders.config;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;

/** The answer of GET /health with each feature flag as the functions see it, next to the fields of {@code health}. */
public record FlagsHealth(@JsonUnwrapped Object health, Map<String, Boolean> flags) {
}
