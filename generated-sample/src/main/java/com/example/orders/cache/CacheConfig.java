package com.example.orders.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the user cache is and how long it keeps a profile, read once at init and checked then, like
 * {@code ServiceConfig}. Without {@code REDIS_ENDPOINT} there is no cache (tests, local runs): the users
 * function then reads the table directly.
 *
 * @param host          host of {@code REDIS_ENDPOINT}, which the Terraform sets to host:port of the primary
 * @param port          port of {@code REDIS_ENDPOINT}
 * @param authSecretArn {@code REDIS_AUTH_SECRET_ARN}: the Secrets Manager secret holding the AUTH token
 * @param ttl           {@code CACHE_TTL_SECONDS}: how long a cached profile is served
 */
public record CacheConfig(String host, int port, String authSecretArn, Duration ttl) {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(300);

    private static final Pattern ENDPOINT = Pattern.compile("([A-Za-z0-9.-]+):([0-9]{1,5})");
    private static final Pattern SECRET_ARN = Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+");

    public CacheConfig {
        List<String> problems = new ArrayList<>();
        if (port < 1 || port > 65535) {
            problems.add("the port of REDIS_ENDPOINT must be from 1 to 65535 but is " + port);
        }
        if (!SECRET_ARN.matcher(authSecretArn).matches()) {
            problems.add("REDIS_AUTH_SECRET_ARN must be the ARN of a Secrets Manager secret but is \"" + authSecretArn + "\"");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            problems.add("CACHE_TTL_SECONDS must be positive but is " + ttl.toSeconds());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid cache configuration: " + String.join("; ", problems));
        }
    }

    public static Optional<CacheConfig> fromEnvironment() {
        return from(System.getenv());
    }

    /** Empty when {@code REDIS_ENDPOINT} is not set; an {@link IllegalStateException} when something is set wrong. */
    public static Optional<CacheConfig> from(Map<String, String> env) {
        String endpoint = env.getOrDefault("REDIS_ENDPOINT", "").strip();
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        Matcher hostAndPort = ENDPOINT.matcher(endpoint);
        if (!hostAndPort.matches()) {
            throw new IllegalStateException("Invalid cache configuration: REDIS_ENDPOINT must be host:port but is \"" + endpoint + "\"");
        }
        return Optional.of(new CacheConfig(
                hostAndPort.group(1),
                Integer.parseInt(hostAndPort.group(2)),
                env.getOrDefault("REDIS_AUTH_SECRET_ARN", ""),
                ttl(env.get("CACHE_TTL_SECONDS"))));
    }

    private static Duration ttl(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return DEFAULT_TTL;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(seconds.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Invalid cache configuration: CACHE_TTL_SECONDS must be a whole number but is \"" + seconds + "\"");
        }
    }
}
