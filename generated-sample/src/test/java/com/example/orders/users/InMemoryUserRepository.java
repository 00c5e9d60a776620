package com.example.orders.users;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Users in a map: the repository that handler tests run against. */
public final class InMemoryUserRepository implements UserRepository {

    final Map<String, User> users = new LinkedHashMap<>();

    @Override
    public void create(User user) {
        if (users.putIfAbsent(user.id(), user) != null) {
            throw new IllegalStateException("duplicate id " + user.id());
        }
    }

    @Override
    public Optional<User> find(String id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public Optional<User> update(String id, UserDetails details, Instant at) {
        return Optional.ofNullable(users.computeIfPresent(id, (key, user) -> user.with(details, at)));
    }

    @Override
    public boolean delete(String id) {
        return users.remove(id) != null;
    }
}
