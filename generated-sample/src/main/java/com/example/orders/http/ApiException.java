package com.example.orders.http;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An answer other than success, thrown by a route and turned into a JSON error response by the
 * {@link Router}. It carries no stack trace: it is an expected outcome, not a fault.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final ApiError error;
    private final Map<String, String> headers;

    private ApiException(int status, ApiError error, Map<String, String> headers) {
        super(error.message(), null, false, false);
        this.status = status;
        this.error = error;
        this.headers = headers;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, new ApiError("bad_request", message), Map.of());
    }

    public static ApiException invalid(List<FieldError> fields) {
        return new ApiException(400, new ApiError("validation_failed", "Some fields are invalid.", fields, null), Map.of());
    }

    /** @param what the kind of thing that was not found, e.g. "user" */
    public static ApiException notFound(String what) {
        return new ApiException(404, new ApiError("not_found", "No " + what + " with this id."), Map.of());
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, new ApiError("conflict", message), Map.of());
    }

    static ApiException noRoute() {
        return new ApiException(404, new ApiError("not_found", "No such resource."), Map.of());
    }

    static ApiException methodNotAllowed(Set<String> allowed) {
        String allow = String.join(", ", allowed);
        return new ApiException(405, new ApiError("method_not_allowed", "Allowed methods: " + allow + "."),
                Map.of("Allow", allow));
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
