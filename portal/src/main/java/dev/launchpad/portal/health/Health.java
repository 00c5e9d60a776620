package dev.launchpad.portal.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The health capability, assembled from a source: the cached reader, the boards and the dashboards, and
 * the background refresh of alarms when it is on.
 */
public final class Health implements AutoCloseable {

    private final HealthSource source;
    private final HealthSettings settings;
    private final HealthReader reader;
    private final HealthBoard board;
    private final Dashboards dashboards;
    private final ExecutorService loads;
    private final HealthRefresher refresher;

    private Health(HealthSource source, HealthSettings settings, ServiceDirectory directory, Clock clock, RefreshLease lease) {
        this.source = source;
        this.settings = settings;
        this.loads = Executors.newVirtualThreadPerTaskExecutor();
        this.reader = new HealthReader(source, clock, loads, watchedStacks(directory, clock));
        this.board = new HealthBoard(reader, directory);
        this.dashboards = new Dashboards(reader, directory);
        // demo data costs nothing to read on demand; AWS alarms are read ahead so boards answer from the cache
        this.refresher = settings.refreshEvery().isZero() || source.demo() ? null
                // waits as long as a sweep may take, so one refresh finishes before the next starts
                : new HealthRefresher(() -> board.organisation(Duration.ofMinutes(1)), settings.refreshEvery(), lease);
    }

    public static Health start(HealthSource source, HealthSettings settings, ServiceDirectory directory, Clock clock) {
        return new Health(source, settings, directory, clock, RefreshLease.LOCAL);
    }

    public static Health start(HealthSource source, HealthSettings settings, ServiceDirectory directory, Clock clock,
                               RefreshLease lease) {
        return new Health(source, settings, directory, clock, lease);
    }

    /** Every stack of every registered service, re-read from the catalog at most every ten seconds. */
    private static Supplier<List<Stack>> watchedStacks(ServiceDirectory directory, Clock clock) {
        return new Supplier<>() {
            private volatile List<Stack> stacks;
            private volatile Instant readAt = Instant.MIN;

            @Override
            public List<Stack> get() {
                Instant now = clock.instant();
                if (stacks == null || now.isAfter(readAt.plusSeconds(10)) || now.isBefore(readAt)) {
                    stacks = directory.services().stream().flatMap(p -> p.environments().stream().map(p::stack)).toList();
                    readAt = now;
                }
                return stacks;
            }
        };
    }

    public boolean demo() {
        return source.demo();
    }

    public HealthSource source() {
        return source;
    }

    public HealthReader reader() {
        return reader;
    }

    public HealthBoard board() {
        return board;
    }

    public Dashboards dashboards() {
        return dashboards;
    }

    /** How long pages wait for AWS before they answer from the cache. */
    public Duration pageWait() {
        return settings.pageWait();
    }

    public Clock clock() {
        return reader.clock();
    }

    @Override
    public void close() {
        if (refresher != null) {
            refresher.close();
        }
        loads.shutdownNow();
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing clients at shutdown; nothing to do about a failure
            }
        }
    }
}
