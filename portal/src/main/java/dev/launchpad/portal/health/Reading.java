package dev.launchpad.portal.health;

import java.time.Duration;
import java.time.Instant;

/**
 * A value from the cache and how good it is: read in the current bucket (fresh), or the last good one
 * from an earlier bucket (stale) with why nothing newer is there, or nothing at all yet.
 *
 * @param value   null when nothing was ever read
 * @param readAt  when the value was read from the source; null with no value
 * @param problem why the value is not fresh ("AWS throttled the request", "still loading"), or null
 */
public record Reading<V>(V value, Instant readAt, boolean fresh, String problem) {

    public static <V> Reading<V> fresh(V value, Instant readAt) {
        return new Reading<>(value, readAt, true, null);
    }

    public boolean present() {
        return value != null;
    }

    public Duration age(Instant now) {
        Duration age = readAt == null ? Duration.ZERO : Duration.between(readAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
