package dev.launchpad.portal.health;

import java.time.Duration;
import java.util.List;

/**
 * How the health pages use the cache.
 *
 * @param pageWait     how long a page or API call waits for AWS before it answers with what the cache
 *                     has (the last good data, with its age)
 * @param refreshEvery how often the alarms of every watched stack are read in the background, so boards
 *                     answer from the cache; zero turns it off
 */
public record HealthSettings(Duration pageWait, Duration refreshEvery) {

    public static final HealthSettings DEFAULT = new HealthSettings(Duration.ofMillis(700), Duration.ofSeconds(60));

    /** Reads {@code LAUNCHPAD_HEALTH_WAIT_MS} and {@code LAUNCHPAD_HEALTH_REFRESH_SECONDS} (null when unset). */
    public static HealthSettings parse(String waitMs, String refreshSeconds, List<String> problems) {
        Duration wait = DEFAULT.pageWait();
        Duration refresh = DEFAULT.refreshEvery();
        if (waitMs != null) {
            try {
                long ms = Long.parseLong(waitMs);
                if (ms < 0 || ms > 10_000) {
                    throw new NumberFormatException();
                }
                wait = Duration.ofMillis(ms);
            } catch (NumberFormatException e) {
                problems.add("LAUNCHPAD_HEALTH_WAIT_MS must be milliseconds from 0 to 10000, not '" + waitMs + "'");
            }
        }
        if (refreshSeconds != null) {
            try {
                long s = Long.parseLong(refreshSeconds);
                if (s != 0 && (s < 10 || s > 86_400)) {
                    throw new NumberFormatException();
                }
                refresh = Duration.ofSeconds(s);
            } catch (NumberFormatException e) {
                problems.add("LAUNCHPAD_HEALTH_REFRESH_SECONDS must be 0 (off) or seconds from 10 to 86400, not '" + refreshSeconds + "'");
            }
        }
        return new HealthSettings(wait, refresh);
    }
}
