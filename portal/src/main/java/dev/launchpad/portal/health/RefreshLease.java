package dev.launchpad.portal.health;

import java.time.Duration;

/**
 * Who may run a background refresh now: the instance that holds the job's lease row in the database
 * ({@link dev.launchpad.portal.db.Leases}), so that with several instances behind a load balancer each
 * refresh runs once.
 */
@FunctionalInterface
public interface RefreshLease {

    /** True if this instance holds the lease of {@code job} for {@code ttl} from now. */
    boolean tryAcquire(String job, Duration ttl);

    /** The lease of a single instance: always granted. */
    RefreshLease LOCAL = (job, ttl) -> true;
}
