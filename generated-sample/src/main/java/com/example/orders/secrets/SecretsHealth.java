package com.example.orders.secrets;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;

/** The answer of GET /health with the state of each secret next to the fields of {@code health}. */
public record SecretsHealth(@JsonUnwrapped Object health, Map<String, String> secrets) {
}
