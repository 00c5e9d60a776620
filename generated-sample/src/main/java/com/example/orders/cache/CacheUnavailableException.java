package com.example.orders.cache;

/** The cache cannot be used right now; callers fall back to the source of truth. */
public final class CacheUnavailableException extends RuntimeException {

    public CacheUnavailableException(String message) {
        super(message);
    }
}
