package dev.launchpad.portal.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cost cache fresh in the background: every few minutes it looks for entries older than the
 * refresh interval (Cost Explorer updates its data up to three times a day) and fetches only those, when it
 * holds the lease, and the entries a newly published service belongs in. Pages never call a cost source. A
 * failed fetch keeps the old payload and is retried after a pause, not on the next tick.
 */
public final class CostRefresher implements AutoCloseable {

    public static final String ORGANISATION = "organisation";
    public static final String BUDGETS = "budgets";
    public static final String TEAM = "team:";
    public static final String JOB = "cost.refresh";
    private static final Logger LOG = LoggerFactory.getLogger(CostRefresher.class);
    private static final Duration RETRY_AFTER = Duration.ofMinutes(15);
    /** Leaves start-up its CPU before the first refresh (which builds the AWS clients, when it reads AWS). */
    static final Duration FIRST_AFTER = Duration.ofSeconds(3);

    private final CostSource source;
    private final CostCache cache;
    private final Supplier<List<CostedService>> services;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration maxAge;
    private final RefreshLease lease;
    private Duration leaseTtl = leaseFor(CostSettings.DEFAULT_CHECK_EVERY);
    /** The services each entry was last fetched for: a new service makes its entries due before they age. */
    private final Map<String, String> covered = new java.util.HashMap<>();
    private ScheduledExecutorService timer;

    public CostRefresher(CostSource source, CostCache cache, Supplier<List<CostedService>> services, ObjectMapper json,
                         Clock clock, Duration maxAge, RefreshLease lease) {
        this.source = source;
        this.cache = cache;
        this.services = services;
        this.json = json;
        this.clock = clock;
        this.maxAge = maxAge;
        this.lease = lease;
    }

    /** Checks for stale entries in a few seconds and then every {@code every}. */
    public synchronized void start(Duration every) {
        if (timer != null) {
            return;
        }
        leaseTtl = leaseFor(every);
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("launchpad-cost-refresh").factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                refreshStale();
            } catch (RuntimeException e) {
                LOG.warn("cost refresh failed: {}", e.toString());
            }
        }, Math.min(FIRST_AFTER.toMillis(), every.toMillis()), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fetches every entry that is missing or older than the refresh interval; returns the keys it refreshed. */
    public synchronized List<String> refreshStale() {
        if (!lease.tryAcquire(JOB, leaseTtl)) {
            return List.of();
        }
        List<CostedService> all = services.get();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, Supplier<Object>> fetches = new LinkedHashMap<>();
        Map<String, String> coverage = new LinkedHashMap<>();
        fetches.put(ORGANISATION, () -> source.organisation(all, today));
        coverage.put(ORGANISATION, names(all));
        fetches.put(BUDGETS, () -> source.budgets(all, today));
        coverage.put(BUDGETS, names(all));
        Map<String, List<CostedService>> byTeam = new LinkedHashMap<>();
        all.forEach(s -> byTeam.computeIfAbsent(s.team(), t -> new ArrayList<>()).add(s));
        byTeam.forEach((team, theirs) -> {
            fetches.put(TEAM + team, () -> source.team(team, theirs, today));
            coverage.put(TEAM + team, names(theirs));
        });

        List<String> refreshed = new ArrayList<>();
        fetches.forEach((key, fetch) -> {
            String services = coverage.get(key);
            if (due(key, services)) {
                Instant at = clock.instant();
                try {
                    cache.store(key, json.writeValueAsString(fetch.get()), at);
                    refreshed.add(key);
                } catch (CostSourceException | JsonProcessingException e) {
                    LOG.warn("could not refresh {}: {}", key, e.getMessage());
                    cache.failed(key, e.getMessage(), at);
                }
                covered.put(key, services);
            } else {
                covered.putIfAbsent(key, services);
            }
        });
        return refreshed;
    }

    /**
     * Half a check more than the time between two checks, which leaves a pass that long to finish before
     * another instance may take the lease; when the holder stops, another takes over about one check late.
     */
    private static Duration leaseFor(Duration every) {
        return every.plus(every.dividedBy(2));
    }

    private static String names(List<CostedService> services) {
        return String.join(",", services.stream().map(CostedService::name).sorted().toList());
    }

    private boolean due(String key, String services) {
        Optional<CostCache.Entry> entry = cache.get(key);
        if (entry.isEmpty()) {
            return true;
        }
        Instant now = clock.instant();
        CostCache.Entry e = entry.get();
        if (e.failedLast() && e.errorAt().plus(RETRY_AFTER.compareTo(maxAge) < 0 ? RETRY_AFTER : maxAge).isAfter(now)) {
            return false;
        }
        boolean newServices = covered.containsKey(key) && !covered.get(key).equals(services);
        return newServices || e.fetchedAt() == null || !e.fetchedAt().plus(maxAge).isAfter(now);
    }

    public Duration maxAge() {
        return maxAge;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
