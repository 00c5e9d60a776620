package dev.launchpad.portal.health;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the health pages say when something was read. */
public final class Ages {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Ages() {
    }

    /** {@code 13:05:12 UTC}, or "never" for null. */
    public static String clock(Instant at) {
        return at == null ? "never" : CLOCK.format(at);
    }

    /** {@code just now}, {@code 45 s ago}, {@code 4 min ago}, {@code 2 h ago}, {@code 3 days ago}. */
    public static String ago(Instant at, Instant now) {
        if (at == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(at, now).toSeconds());
        if (s < 5) {
            return "just now";
        }
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 172_800) {
            return s / 3600 + " h ago";
        }
        return s / 86_400 + " days ago";
    }

    /** "per 1 min", "per 5 min", "per 1 h": what a per-period total counts over. */
    public static String period(int seconds) {
        return "per " + duration(seconds);
    }

    /** "1 min", "5 min", "1 h", "30 s". */
    public static String duration(int seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + " h" : seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
