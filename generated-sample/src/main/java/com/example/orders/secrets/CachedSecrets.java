package com.example.orders.secrets;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets read once and kept for the cache time: Secrets Manager bills every call and adds its
 * latency to the request that makes it, while a secret changes rarely. A rotated secret reaches a
 * function within the cache time, so whatever verifies with a rotated key must accept the previous one
 * that long.
 *
 * <p>When a read fails, a value read earlier is kept and tried again after the cache time, so a brief
 * Secrets Manager outage does not fail requests; a secret never read fails with
 * {@link SecretUnavailableException}.
 */
public final class CachedSecrets implements Secrets {

    private static final Logger LOG = LoggerFactory.getLogger(CachedSecrets.class);

    private final SecretSource source;
    private final Duration cacheTime;
    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();

    public CachedSecrets(SecretSource source, Duration cacheTime, Clock clock) {
        if (cacheTime.isNegative()) {
            throw new IllegalArgumentException("the cache time must not be negative");
        }
        this.source = source;
        this.cacheTime = cacheTime;
        this.clock = clock;
    }

    @Override
    public synchronized String get(String secretId) {
        Instant now = clock.instant();
        Entry entry = entries.get(secretId);
        if (entry != null && now.isBefore(entry.readAt().plus(cacheTime))) {
            return entry.value();
        }
        try {
            String value = source.read(secretId);
            entries.put(secretId, new Entry(value, now));
            return value;
        } catch (RuntimeException e) {
            if (entry == null) {
                throw new SecretUnavailableException(secretId, e);
            }
            LOG.warn("Cannot read a secret again; the value read earlier stays in use", entry("secretId", secretId), e);
            entries.put(secretId, new Entry(entry.value(), now));
            return entry.value();
        }
    }

    private record Entry(String value, Instant readAt) {
    }
}
