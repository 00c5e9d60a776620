package com.example.orders.users;

import java.time.Instant;
import java.util.Optional;

/** Where users are kept. */
public interface UserRepository {

    void create(User user);

    Optional<User> find(String id);

    /** Sets a user's details; empty when there is no user with this id. */
    Optional<User> update(String id, UserDetails details, Instant at);

    /** False when there was no user with this id. */
    boolean delete(String id);
}
