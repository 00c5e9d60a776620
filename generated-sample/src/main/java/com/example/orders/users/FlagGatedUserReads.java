package com.example.orders.users;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The profile cache's reads behind the {@code enable_advanced_caching} feature flag: while it is off,
 * reads go straight to the table. Writes always go through the cache, so that it evicts what changes
 * even while its reads are off, and turning the flag on never serves a profile changed in between.
 */
public final class FlagGatedUserReads implements UserRepository {

    public static final String FLAG = "enable_advanced_caching";

    private final UserRepository cached;
    private final UserRepository table;
    private final BooleanSupplier cacheReads;

    public FlagGatedUserReads(UserRepository cached, UserRepository table, BooleanSupplier cacheReads) {
        this.cached = cached;
        this.table = table;
        this.cacheReads = cacheReads;
    }

    @Override
    public void create(User user) {
        cached.create(user);
    }

    @Override
    public Optional<User> find(String id) {
        return cacheReads.getAsBoolean() ? cached.find(id) : table.find(id);
    }

    @Override
    public Optional<User> update(String id, UserDetails details, Instant at) {
        return cached.update(id, details, at);
    }

    @Override
    public boolean delete(String id) {
        return cached.delete(id);
    }
}
