package dev.launchpad.portal.runs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Events of runs in progress, as they happen, for whoever follows them (the SSE stream). Stored events
 * are the record; this only saves followers from polling.
 */
public final class RunEvents {

    /** Stops delivery to one follower. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<String, List<Consumer<RunEvent>>> followers = new ConcurrentHashMap<>();

    public Subscription follow(String runId, Consumer<RunEvent> follower) {
        followers.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(follower);
        return () -> followers.computeIfPresent(runId, (id, list) -> {
            list.remove(follower);
            return list.isEmpty() ? null : list;
        });
    }

    public void emit(RunEvent event) {
        List<Consumer<RunEvent>> list = followers.get(event.runId());
        if (list != null) {
            list.forEach(f -> f.accept(event));
        }
    }
}
