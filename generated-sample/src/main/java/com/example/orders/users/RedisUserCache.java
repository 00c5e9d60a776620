package com.example.orders.users;

import com.example.orders.cache.CacheConnection;
import com.example.orders.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** Users as JSON strings under {@code user:<id>} in the Valkey cache, each expiring after its TTL. */
public final class RedisUserCache implements UserCache {

    static final String KEY_PREFIX = "user:";

    private final CacheConnection connection;

    public RedisUserCache(CacheConnection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<User> get(String id) {
        String json = run(commands -> commands.get(key(id)));
        return json == null ? Optional.empty() : Optional.of(fromJson(json));
    }

    @Override
    public void put(User user, Duration ttl) {
        run(commands -> commands.set(key(user.id()), toJson(user), SetArgs.Builder.ex(ttl)));
    }

    @Override
    public void evict(String id) {
        run(commands -> commands.del(key(id)));
    }

    private <T> T run(Function<RedisCommands<String, String>, T> command) {
        try {
            return command.apply(connection.commands());
        } catch (RedisCommandTimeoutException e) {
            connection.discard();
            throw e;
        }
    }

    static String key(String id) {
        return KEY_PREFIX + id;
    }

    static String toJson(User user) {
        return Json.write(user);
    }

    static User fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, User.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
