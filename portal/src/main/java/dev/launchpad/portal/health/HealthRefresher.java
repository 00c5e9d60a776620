package dev.launchpad.portal.health;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads every watched stack's alarms on a schedule, when it holds the lease, so boards answer from the cache. */
public final class HealthRefresher implements AutoCloseable {

    public static final String JOB = "health.alarms";
    /** Leaves start-up its CPU before the first sweep. */
    static final Duration FIRST_AFTER = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(HealthRefresher.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("launchpad-health-refresh").factory());

    /**
     * @param refresh reads what the boards show; it is given the time it may wait for AWS
     */
    public HealthRefresher(Runnable refresh, Duration every, RefreshLease lease) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (lease.tryAcquire(JOB, leaseFor(every))) {
                    refresh.run();
                }
            } catch (RuntimeException e) {
                LOG.warn("background health refresh failed: {}", e.toString());
            }
        }, Math.min(FIRST_AFTER.toMillis(), every.toMillis()), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Half a period more than the delay between two sweeps, which leaves a sweep that long to finish before
     * another instance may take the lease; when the holder stops, another takes over about one period late.
     */
    static Duration leaseFor(Duration every) {
        return every.plus(every.dividedBy(2));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
