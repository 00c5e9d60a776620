package com.example.orders.users;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A cache in a map that keeps what it is told, TTLs included, and fails every call while told to. */
public final class InMemoryUserCache implements UserCache {

    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, Duration> ttls = new LinkedHashMap<>();
    final List<String> evicted = new ArrayList<>();
    /** Thrown by every call while set, as by a cache that is down. */
    RuntimeException failure;

    @Override
    public Optional<User> get(String id) {
        failIfDown();
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public void put(User user, Duration ttl) {
        failIfDown();
        users.put(user.id(), user);
        ttls.put(user.id(), ttl);
    }

    @Override
    public void evict(String id) {
        failIfDown();
        evicted.add(id);
        users.remove(id);
        ttls.remove(id);
    }

    private void failIfDown() {
        if (failure != null) {
            throw failure;
        }
    }
}
