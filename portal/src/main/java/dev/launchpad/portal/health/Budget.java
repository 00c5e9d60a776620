package dev.launchpad.portal.health;

import java.time.Duration;

/**
 * A wait that runs out, shared by the reads of one request. Measured on the machine's monotonic clock,
 * not the portal's: the portal's clock decides buckets and ages, and a test may stop it.
 */
record Budget(long deadlineNanos) {

    static Budget of(Duration wait) {
        return new Budget(System.nanoTime() + wait.toNanos());
    }

    Duration left() {
        long nanos = deadlineNanos - System.nanoTime();
        return nanos <= 0 ? Duration.ZERO : Duration.ofNanos(nanos);
    }
}
