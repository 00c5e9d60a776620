package dev.launchpad.portal.cost;

import java.time.Duration;

/**
 * Who may refresh cost data now. One portal instance always may; several instances behind a load balancer
 * will take a lease row in the database instead, so each refresh (and each billed Cost Explorer request)
 * happens once.
 */
@FunctionalInterface
public interface RefreshLease {

    /** True if this instance holds the lease of {@code job} for {@code ttl} from now. */
    boolean tryAcquire(String job, Duration ttl);

    RefreshLease LOCAL = (job, ttl) -> true;
}
