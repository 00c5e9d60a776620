package dev.launchpad.portal.health;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A service's health: the worst of its watched environments. */
public record ServiceHealth(String service, String team, String description, HealthState state,
                            List<EnvironmentHealth> environments) {

    /** Worst first, then by name: the order of every board. */
    public static final Comparator<ServiceHealth> WORST_FIRST =
            Comparator.comparing(ServiceHealth::state).thenComparing(ServiceHealth::service);

    public ServiceHealth {
        environments = List.copyOf(environments);
    }

    /** When the oldest of its alarm readings was made; null if none was. */
    public Instant readAt() {
        return environments.stream().filter(EnvironmentHealth::watched).map(EnvironmentHealth::readAt)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    public boolean fresh() {
        return environments.stream().filter(EnvironmentHealth::watched).allMatch(EnvironmentHealth::fresh);
    }

    /** Why some of it is not fresh, or null. */
    public String problem() {
        return environments.stream().filter(e -> e.watched() && !e.fresh()).map(EnvironmentHealth::problem)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    public long count(AlarmState state) {
        return environments.stream().mapToLong(e -> e.count(state)).sum();
    }
}
