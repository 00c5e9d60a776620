package dev.launchpad.portal.publish;

import dev.launchpad.portal.db.Leases;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the other instances that this one is alive, and cleans up after those that are not: on one daemon
 * thread it renews this instance's liveness lease every {@link #RENEW_EVERY} for {@link #TTL}, and every
 * {@link #SWEEP_EVERY} fails the runs of instances whose lease has expired ({@link Recovery#sweep}).
 * Closing it stops both; the lease itself goes with the instance's others ({@link Leases#releaseAll}).
 */
public final class Liveness implements AutoCloseable {

    public static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    public static final Duration TTL = Duration.ofSeconds(30);
    public static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(Liveness.class);

    private final Leases leases;
    private final String lease;
    private final Recovery recovery;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("launchpad-liveness").factory());

    private Liveness(Leases leases, String instanceId, Recovery recovery) {
        this.leases = leases;
        this.lease = Recovery.livenessLease(instanceId);
        this.recovery = recovery;
    }

    /** Takes the liveness lease now, before the instance recovers its runs and serves, and keeps it. */
    public static Liveness start(Leases leases, String instanceId, Recovery recovery) {
        Liveness liveness = new Liveness(leases, instanceId, recovery);
        liveness.renew();
        liveness.timer.scheduleWithFixedDelay(liveness::renewQuietly, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        liveness.timer.scheduleWithFixedDelay(liveness::sweepQuietly, SWEEP_EVERY.toMillis(), SWEEP_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return liveness;
    }

    /** Fails the runs of instances that stopped, now rather than at the next sweep; returns their ids. */
    public List<String> sweep() {
        List<String> failed = recovery.sweep();
        if (!failed.isEmpty()) {
            LOG.warn("marked {} run(s) of stopped instances failed: {}", failed.size(), failed);
        }
        return failed;
    }

    /** The instance's leases are held under its id, so a restarted instance renews the lease it held before. */
    private void renew() {
        leases.tryAcquire(lease, TTL);
    }

    // an exception would end a scheduled task for good
    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) {
            LOG.error("could not renew {}", lease, e);
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.error("could not recover the runs of stopped instances", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
