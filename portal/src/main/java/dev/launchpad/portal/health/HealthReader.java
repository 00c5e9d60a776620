package dev.launchpad.portal.health;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads alarms, resources and metrics through one cache each, so that what a page shows costs AWS at
 * most one call per account, region and time bucket however many people look at it.
 * <ul>
 * <li>Alarms: one sweep per account and region, by the longest name prefix all its watched stacks
 *     share, every minute; each stack takes the alarms under its own prefix.</li>
 * <li>Resources: per stack, every ten minutes.</li>
 * <li>Metrics: per query, range and period-aligned bucket.</li>
 * </ul>
 */
public final class HealthReader {

    static final Duration ALARM_BUCKET = Duration.ofMinutes(1);
    static final Duration RESOURCE_BUCKET = Duration.ofMinutes(10);
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(30);

    private final HealthSource source;
    private final Clock clock;
    private final Supplier<? extends Collection<Stack>> watched;
    private final ReadThroughCache<List<Alarm>> alarms;
    private final ReadThroughCache<List<Resource>> resources;
    private final ReadThroughCache<TimeSeries> metrics;
    private final Map<Target, Owned> ownedByTarget = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param watched every stack the portal knows of: alarm sweeps cover them all, so every page shares one
     */
    public HealthReader(HealthSource source, Clock clock, Executor loads, Supplier<? extends Collection<Stack>> watched) {
        this.source = source;
        this.clock = clock;
        this.watched = watched;
        Function<Throwable, String> describe = source::describe;
        this.alarms = new ReadThroughCache<>(loads, clock, PAUSE_AFTER_FAILURE, describe);
        this.resources = new ReadThroughCache<>(loads, clock, PAUSE_AFTER_FAILURE, describe);
        this.metrics = new ReadThroughCache<>(loads, clock, PAUSE_AFTER_FAILURE, describe);
    }

    public HealthSource source() {
        return source;
    }

    public Clock clock() {
        return clock;
    }

    public Optional<Target> target(String environment) {
        return source.target(environment);
    }

    /** The alarms of each stack (stacks of unwatched environments are left out). */
    public Map<Stack, Reading<List<Alarm>>> alarms(Collection<Stack> stacks, Duration wait) {
        Map<Target, List<Stack>> byTarget = new LinkedHashMap<>();
        for (Stack stack : stacks) {
            source.target(stack.environment()).ifPresent(t -> byTarget.computeIfAbsent(t, k -> new ArrayList<>()).add(stack));
        }
        Map<Target, List<Stack>> everyWatched = new HashMap<>();
        for (Stack stack : watched.get()) {
            source.target(stack.environment()).ifPresent(t -> everyWatched.computeIfAbsent(t, k -> new ArrayList<>()).add(stack));
        }
        long bucket = bucket(ALARM_BUCKET);
        Map<String, Target> targetOfKey = new LinkedHashMap<>();
        Map<Target, String> keyOfTarget = new HashMap<>();
        for (Target target : byTarget.keySet()) {
            List<Stack> sweep = new ArrayList<>(everyWatched.getOrDefault(target, List.of()));
            sweep.addAll(byTarget.get(target));
            String key = "alarms|" + target.id() + "|" + commonPrefix(sweep.stream().map(Stack::prefix).toList());
            targetOfKey.put(key, target);
            keyOfTarget.put(target, key);
        }
        Map<String, Reading<List<Alarm>>> swept = alarms.get(targetOfKey.keySet(), bucket, keys -> {
            Map<String, List<Alarm>> out = new HashMap<>();
            for (String key : keys) {
                String prefix = key.substring(key.indexOf('|', "alarms|".length()) + 1);
                out.put(key, List.copyOf(source.alarms(targetOfKey.get(key), prefix)));
            }
            return out;
        }, wait);
        Map<Stack, Reading<List<Alarm>>> result = new LinkedHashMap<>();
        byTarget.forEach((target, list) -> {
            Reading<List<Alarm>> sweep = swept.get(keyOfTarget.get(target));
            Set<String> prefixes = new HashSet<>();
            everyWatched.getOrDefault(target, List.of()).forEach(s -> prefixes.add(s.prefix()));
            list.forEach(s -> prefixes.add(s.prefix()));
            Map<String, List<Alarm>> owned = sweep.value() == null ? Map.of() : owned(target, sweep.value(), prefixes);
            for (Stack stack : list) {
                List<Alarm> mine = sweep.value() == null ? null : owned.getOrDefault(stack.prefix(), List.of());
                result.put(stack, new Reading<>(mine, sweep.readAt(), sweep.fresh(), sweep.problem()));
            }
        });
        return result;
    }

    /** A sweep's alarms by the stack prefix that owns them, worked out once per sweep and set of stacks. */
    private Map<String, List<Alarm>> owned(Target target, List<Alarm> sweep, Set<String> prefixes) {
        Owned last = ownedByTarget.get(target);
        if (last != null && last.sweep() == sweep && last.prefixes().equals(prefixes)) {
            return last.owned();
        }
        Map<String, List<Alarm>> owned = new HashMap<>();
        for (Alarm alarm : sweep) {
            owner(alarm.name(), prefixes).ifPresent(p -> owned.computeIfAbsent(p, k -> new ArrayList<>()).add(alarm));
        }
        ownedByTarget.put(target, new Owned(sweep, prefixes, owned));
        return owned;
    }

    private record Owned(List<Alarm> sweep, Set<String> prefixes, Map<String, List<Alarm>> owned) {
    }

    /** The resources of a stack in its account and region. */
    public Reading<List<Resource>> resources(Target target, Stack stack, Duration wait) {
        String key = "resources|" + target.id() + "|" + stack.service() + "|" + stack.environment();
        return resources.get(List.of(key), bucket(RESOURCE_BUCKET),
                keys -> Map.of(key, List.copyOf(source.discover(target, stack))), wait).get(key);
    }

    /** The series of each query over {@code range}, as of the current period-aligned bucket. */
    public Map<MetricQuery, Reading<TimeSeries>> metrics(Target target, Collection<MetricQuery> queries, Range range, Duration wait) {
        long bucket = range.bucket(clock.instant());
        Range.Window window = range.window(bucket);
        Map<String, MetricQuery> byKey = new LinkedHashMap<>();
        String prefix = "metrics|" + target.id() + "|" + range.id() + "|";
        for (MetricQuery q : queries) {
            byKey.put(prefix + q.key(), q);
        }
        Map<String, Reading<TimeSeries>> read = metrics.get(byKey.keySet(), bucket, keys -> {
            List<MetricQuery> wanted = keys.stream().map(byKey::get).toList();
            Map<MetricQuery, TimeSeries> got = source.metrics(target, wanted, window);
            Map<String, TimeSeries> out = new HashMap<>();
            for (String key : keys) {
                TimeSeries series = got.get(byKey.get(key));
                if (series != null) {
                    out.put(key, series);
                }
            }
            return out;
        }, wait);
        Map<MetricQuery, Reading<TimeSeries>> result = new LinkedHashMap<>();
        byKey.forEach((key, q) -> result.put(q, read.get(key)));
        return result;
    }

    private long bucket(Duration size) {
        return Math.floorDiv(clock.instant().getEpochSecond(), size.toSeconds());
    }

    /**
     * The longest of {@code prefixes} that {@code alarm} starts with, so that a stack whose name looks like
     * another's prefix does not take its alarms. Prefixes end with a hyphen, so only the alarm's text up to
     * each of its hyphens can be one.
     */
    static Optional<String> owner(String alarm, Set<String> prefixes) {
        for (int i = alarm.lastIndexOf('-'); i > 0; i = alarm.lastIndexOf('-', i - 1)) {
            String candidate = alarm.substring(0, i + 1);
            if (prefixes.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static String commonPrefix(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        String prefix = names.getFirst();
        for (String n : names) {
            int i = 0;
            while (i < prefix.length() && i < n.length() && prefix.charAt(i) == n.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        return prefix;
    }
}
