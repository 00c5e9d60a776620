package dev.launchpad.portal.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values read from a slow, limited source and shared by every viewer. A key's value is good for one
 * time bucket; whoever first asks for a key in a new bucket loads it, together with every other key it
 * needs, in one batch, and everyone else asking meanwhile waits for that same load (single flight).
 * Callers wait only so long: past that, or when the load fails, they get the last good value with its
 * age. After a failure a key is not loaded again for a while, so a throttled source is not pressed.
 */
public final class ReadThroughCache<V> {

    /** Loads many keys in one go; keys missing from the answer count as failed. */
    @FunctionalInterface
    public interface BatchLoader<V> {
        Map<String, V> load(List<String> keys);
    }

    private record Good<V>(V value, long bucket, Instant readAt) {
    }

    private static final class Slot<V> {
        Good<V> good;
        CompletableFuture<Void> loading;
        long loadingBucket;
        Instant failedAt;
        String failure;
        volatile Instant usedAt;
    }

    private final ConcurrentHashMap<String, Slot<V>> slots = new ConcurrentHashMap<>();
    private final Executor loads;
    private final Clock clock;
    private final Duration pauseAfterFailure;
    private final Function<Throwable, String> describe;
    private final AtomicLong gets = new AtomicLong();

    /**
     * @param loads             runs loads, so that a caller can stop waiting while the load goes on
     * @param pauseAfterFailure how long a key that failed to load is served stale before it is tried again
     * @param describe          turns a load failure into the short text pages show
     */
    public ReadThroughCache(Executor loads, Clock clock, Duration pauseAfterFailure, Function<Throwable, String> describe) {
        this.loads = loads;
        this.clock = clock;
        this.pauseAfterFailure = pauseAfterFailure;
        this.describe = describe;
    }

    /**
     * The readings of {@code keys} for {@code bucket}, loading the ones that need it with {@code loader}
     * and waiting at most {@code wait} for them.
     */
    public Map<String, Reading<V>> get(Collection<String> keys, long bucket, BatchLoader<V> loader, Duration wait) {
        Instant now = clock.instant();
        if (gets.incrementAndGet() % 1024 == 0) {
            purge(Duration.ofHours(2));
        }
        List<String> claimed = new ArrayList<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        CompletableFuture<Void> load = new CompletableFuture<>();
        for (String key : keys) {
            Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
            slot.usedAt = now;
            synchronized (slot) {
                if (slot.good != null && slot.good.bucket() >= bucket) {
                    continue;
                }
                if (slot.loading != null && slot.loadingBucket >= bucket) {
                    pending.add(slot.loading);
                } else if (slot.loading == null && (slot.failedAt == null
                        || !now.isBefore(slot.failedAt.plus(pauseAfterFailure)))) {
                    slot.loading = load;
                    slot.loadingBucket = bucket;
                    claimed.add(key);
                }
            }
        }
        if (!claimed.isEmpty()) {
            pending.add(load);
            loads.execute(() -> run(claimed, bucket, loader, load));
        }
        await(pending, wait);
        Map<String, Reading<V>> readings = new LinkedHashMap<>();
        for (String key : keys) {
            readings.put(key, reading(slots.get(key), bucket));
        }
        return readings;
    }

    private void run(List<String> keys, long bucket, BatchLoader<V> loader, CompletableFuture<Void> load) {
        Map<String, V> loaded = null;
        String failure = null;
        try {
            loaded = loader.load(keys);
        } catch (RuntimeException | Error e) {
            failure = describe.apply(e);
        }
        Instant at = clock.instant();
        for (String key : keys) {
            Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
            synchronized (slot) {
                V value = loaded == null ? null : loaded.get(key);
                if (value != null) {
                    if (slot.good == null || slot.good.bucket() <= bucket) {
                        slot.good = new Good<>(value, bucket, at);
                    }
                    slot.failedAt = null;
                    slot.failure = null;
                } else {
                    slot.failedAt = at;
                    slot.failure = failure != null ? failure : "no data came back for this metric";
                }
                if (slot.loading == load) {
                    slot.loading = null;
                }
            }
        }
        load.complete(null);
    }

    private static void await(List<CompletableFuture<Void>> pending, Duration wait) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // what has arrived is served; the rest is stale or missing and says so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Reading<V> reading(Slot<V> slot, long bucket) {
        synchronized (slot) {
            Good<V> good = slot.good;
            if (good != null && good.bucket() >= bucket) {
                return Reading.fresh(good.value(), good.readAt());
            }
            String problem = slot.loading != null ? "still loading" : slot.failure != null ? slot.failure : "not read yet";
            return good == null ? new Reading<>(null, null, false, problem)
                    : new Reading<>(good.value(), good.readAt(), false, problem);
        }
    }

    /** Forgets keys nobody asked for in {@code unused}, so the cache follows what people look at. */
    public void purge(Duration unused) {
        Instant cutoff = clock.instant().minus(unused);
        slots.entrySet().removeIf(e -> e.getValue().usedAt != null && e.getValue().usedAt.isBefore(cutoff)
                && e.getValue().loading == null);
    }

    public int size() {
        return slots.size();
    }
}
