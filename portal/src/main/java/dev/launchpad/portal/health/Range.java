package dev.launchpad.portal.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The time ranges a dashboard shows and the period each is read at. A period keeps every range at or
 * under 201 datapoints per metric, so a GetMetricData call with the full 500 queries stays within its
 * 100,800-datapoint answer and needs no second page.
 */
public enum Range {
    H1("1h", Duration.ofHours(1), 60),
    H3("3h", Duration.ofHours(3), 60),
    H12("12h", Duration.ofHours(12), 300),
    D1("1d", Duration.ofDays(1), 900),
    D7("7d", Duration.ofDays(7), 3600);

    public static final Range DEFAULT = H3;

    private final String id;
    private final Duration length;
    private final int periodSeconds;

    Range(String id, Duration length, int periodSeconds) {
        this.id = id;
        this.length = length;
        this.periodSeconds = periodSeconds;
    }

    public String id() {
        return id;
    }

    public Duration length() {
        return length;
    }

    public int periodSeconds() {
        return periodSeconds;
    }

    public int points() {
        return (int) (length.toSeconds() / periodSeconds);
    }

    public static Optional<Range> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** The period-aligned bucket {@code now} falls in: everyone reading within it shares one answer. */
    public long bucket(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), periodSeconds);
    }

    /** The window of a bucket: it ends where the bucket starts, so it holds only whole periods. */
    public Window window(long bucket) {
        Instant end = Instant.ofEpochSecond(bucket * periodSeconds);
        return new Window(end.minus(length), end, periodSeconds);
    }

    /** A time window read at one period. */
    public record Window(Instant start, Instant end, int periodSeconds) {
    }
}
