package dev.launchpad.portal.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Leases on rows of the {@code leases} table, so that background work runs on one instance at a time. A
 * lease is taken by renewing a row we hold or one that has expired, else by inserting it; the primary key
 * decides between instances that insert at once. Plain SQL that H2 and PostgreSQL both run the same way.
 *
 * <p>Expiry is read from this instance's clock: instances are expected to keep time (NTP) to well within
 * the shortest lease, which is seconds to minutes.
 */
public final class Leases {

    private final Jdbc jdbc;
    private final Clock clock;
    private final String holder;
    private final Map<String, LongAdder> granted = new ConcurrentHashMap<>();

    /**
     * Leases under {@code holder}. The portal uses its instance id ({@code LAUNCHPAD_INSTANCE_ID}), so an
     * instance restarted after a crash renews the leases it held instead of waiting for them to expire.
     */
    public Leases(Jdbc jdbc, Clock clock, String holder) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.holder = holder;
    }

    public String holder() {
        return holder;
    }

    /**
     * True if this instance now holds {@code name} until {@code ttl} from now: it held it already (renewed),
     * nobody did, or the last holder let it expire. Fits the refreshers' {@code RefreshLease} as
     * {@code leases::tryAcquire}.
     */
    public boolean tryAcquire(String name, Duration ttl) {
        boolean acquired = tryAcquire(name, holder, ttl);
        if (acquired) {
            granted.computeIfAbsent(name, n -> new LongAdder()).increment();
        }
        return acquired;
    }

    private boolean tryAcquire(String name, String holder, Duration ttl) {
        Instant now = clock.instant();
        Instant until = now.plus(ttl);
        if (jdbc.update("update leases set holder = ?, expires_at = ? where name = ? and (holder = ? or expires_at <= ?)",
                holder, until, name, holder, now) > 0) {
            return true;
        }
        try {
            // not exists: an instance that finds the lease taken asks without an error in the server's log
            return jdbc.update("insert into leases (name, holder, expires_at) select ?, ?, ? from (values (1)) one"
                    + " where not exists (select 1 from leases where name = ?)", name, holder, until, name) > 0;
        } catch (DataAccessException e) {
            if (Jdbc.isUniqueViolation(e)) {
                return false; // another instance inserted it first
            }
            throw e;
        }
    }

    /** Who holds {@code name} now, if anyone does. */
    public Optional<String> holderOf(String name) {
        return jdbc.one("select holder from leases where name = ? and expires_at > ?", rs -> rs.getString(1),
                name, clock.instant());
    }

    /**
     * Gives up every lease this holder holds, expired or not, so that another instance may take each at once
     * instead of when it expires; leases that others took over are left alone. Returns how many it released.
     */
    public int releaseAll() {
        return jdbc.update("delete from leases where holder = ?", holder);
    }

    /** How often this instance was granted {@code name}: each grant is one run of the work it guards. */
    public long granted(String name) {
        LongAdder count = granted.get(name);
        return count == null ? 0 : count.sum();
    }
}
