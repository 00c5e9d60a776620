package com.example.orders.users;

import java.time.Duration;
import java.util.Optional;

/** A cache of users by id. Any method may throw when the cache is unwell; {@link CachingUserRepository} absorbs that. */
public interface UserCache {

    Optional<User> get(String id);

    /** Keeps the user for {@code ttl}, replacing what was kept for its id. */
    void put(User user, Duration ttl);

    void evict(String id);
}
