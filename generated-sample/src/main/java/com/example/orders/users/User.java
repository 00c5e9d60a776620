package com.example.orders.users;

import java.time.Instant;

/** A user, as stored and as the API returns it. */
public record User(String id, String name, String email, Instant createdAt, Instant updatedAt) {

    static User create(String id, UserDetails details, Instant at) {
        return new User(id, details.name(), details.email(), at, at);
    }

    User with(UserDetails details, Instant at) {
        return new User(id, details.name(), details.email(), createdAt, at);
    }
}
