package com.example.orders.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error response: a stable code for programs, a sentence for people, the field
 * problems of a 400, and on a 500 the request id to quote when asking what went wrong.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(String error, String message, List<FieldError> fields, String requestId) {

    public ApiError {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public ApiError(String error, String message) {
        this(error, message, List.of(), null);
    }
}
