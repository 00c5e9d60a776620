package dev.launchpad.portal.cost;

import java.time.Duration;

/**
 * Who may refresh cost data now: the instance that holds the job's lease row in the database
 * ({@link dev.launchpad.portal.db.Leases}), so that with several instances behind a load balancer each
 * refresh (and each billed Cost Explorer request) happens once.
 */
@FunctionalInterface
public interface RefreshLease {

    /** True if this instance holds the lease of {@code job} for {@code ttl} from now. */
    boolean tryAcquire(String job, Duration ttl);

    RefreshLease LOCAL = (job, ttl) -> true;
}
