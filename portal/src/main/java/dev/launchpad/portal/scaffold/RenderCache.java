package dev.launchpad.portal.scaffold;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The most recently used results of a pure function, bounded by entry count and by total weight.
 * Rendering is deterministic (same spec and blueprint version, same bytes), so repeated requests for one
 * spec (a preview refreshed, a zip downloaded again, a load test) need not render again.
 */
final class RenderCache<K, V> {

    private final int maxEntries;
    private final long maxWeight;
    private final Function<V, Long> weigher;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    RenderCache(int maxEntries, long maxWeight, Function<V, Long> weigher) {
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /** The cached value, or one computed outside the lock (two callers may both compute it; both get equal values). */
    V get(K key, Function<K, V> compute) {
        synchronized (this) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V value = compute.apply(key);
        long w = weigher.apply(value);
        if (w > maxWeight) {
            return value;
        }
        synchronized (this) {
            V previous = entries.put(key, value);
            weight += w - (previous == null ? 0 : weigher.apply(previous));
            var it = entries.entrySet().iterator();
            while ((entries.size() > maxEntries || weight > maxWeight) && it.hasNext()) {
                Map.Entry<K, V> eldest = it.next();
                weight -= weigher.apply(eldest.getValue());
                it.remove();
            }
        }
        return value;
    }
}
