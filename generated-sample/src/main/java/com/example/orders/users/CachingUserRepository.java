package com.example.orders.users;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.example.orders.cache.CacheAuthToken;
import com.example.orders.cache.CacheConfig;
import com.example.orders.cache.CacheConnection;
import com.example.orders.config.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache-aside reads of users: a read is answered from the cache when it can be and fills the cache from
 * the repository when it cannot; updates and deletes evict the entry once the repository has changed,
 * so the next read loads the new state. A read racing an update can still put the old state back, for
 * at most the TTL. The cache only ever saves work: when it fails, the repository answers and the failure
 * is logged, never passed on to the request.
 */
public final class CachingUserRepository implements UserRepository {

    private static final Logger LOG = LoggerFactory.getLogger(CachingUserRepository.class);

    private final UserRepository repository;
    private final UserCache cache;
    private final Duration ttl;

    public CachingUserRepository(UserRepository repository, UserCache cache, Duration ttl) {
        this.repository = repository;
        this.cache = cache;
        this.ttl = ttl;
    }

    /**
     * {@code table} behind the cache that {@code REDIS_ENDPOINT} names, or {@code table} alone when none is
     * named. A misconfigured cache stops the function at init; a cache whose AUTH token cannot be read is
     * left out, with an error logged, so that the function still serves from the table.
     */
    public static UserRepository inFrontOf(UserRepository table, ServiceConfig service) {
        return CacheConfig.fromEnvironment().map(cache -> inFrontOf(table, service, cache)).orElse(table);
    }

    private static UserRepository inFrontOf(UserRepository table, ServiceConfig service, CacheConfig cache) {
        String authToken;
        try {
            authToken = CacheAuthToken.read(service, cache);
        } catch (RuntimeException e) {
            LOG.error("The user cache is off in this execution environment: its AUTH token could not be read",
                    entry("secret", cache.authSecretArn()), e);
            return table;
        }
        return new CachingUserRepository(table, new RedisUserCache(CacheConnection.to(cache, authToken)), cache.ttl());
    }

    @Override
    public void create(User user) {
        // Not cached here: the first read caches it, and most users created are not read at once.
        repository.create(user);
    }

    @Override
    public Optional<User> find(String id) {
        try {
            Optional<User> cached = cache.get(id);
            if (cached.isPresent()) {
                return cached;
            }
        } catch (RuntimeException e) {
            LOG.warn("Reading the user cache failed; reading the table instead", entry("userId", id), e);
        }
        Optional<User> user = repository.find(id);
        user.ifPresent(this::put);
        return user;
    }

    @Override
    public Optional<User> update(String id, UserDetails details, Instant at) {
        Optional<User> updated = repository.update(id, details, at);
        evict(id);
        return updated;
    }

    @Override
    public boolean delete(String id) {
        boolean deleted = repository.delete(id);
        evict(id);
        return deleted;
    }

    private void put(User user) {
        try {
            cache.put(user, ttl);
        } catch (RuntimeException e) {
            LOG.warn("Caching a user failed; the next read goes to the table again", entry("userId", user.id()), e);
        }
    }

    private void evict(String id) {
        try {
            cache.evict(id);
        } catch (RuntimeException e) {
            // The table has changed; reads may see the cached state until its TTL runs out.
            LOG.error("Evicting a changed user from the cache failed; reads may see the old state for up to the TTL",
                    entry("userId", id), entry("ttlSeconds", ttl.toSeconds()), e);
        }
    }
}
