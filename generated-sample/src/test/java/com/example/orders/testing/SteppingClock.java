package com.example.orders.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that starts at a fixed instant and moves on by a fixed step each time it is read. */
public final class SteppingClock extends Clock {

    public static final Instant START = Instant.parse("2026-03-01T10:15:30Z");

    private final Duration step;
    private Instant next = START;

    public SteppingClock(Duration step) {
        this.step = step;
    }

    @Override
    public Instant instant() {
        Instant now = next;
        next = next.plus(step);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}
