package dev.launchpad.portal.health;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A team's services, worst first. */
public record TeamHealth(String team, String displayName, HealthState state, List<ServiceHealth> services) {

    public static final Comparator<TeamHealth> WORST_FIRST =
            Comparator.comparing(TeamHealth::state).thenComparing(TeamHealth::team);

    public TeamHealth {
        services = List.copyOf(services);
    }

    public long count(HealthState state) {
        return services.stream().filter(s -> s.state() == state).count();
    }

    public Instant readAt() {
        return services.stream().map(ServiceHealth::readAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    public boolean fresh() {
        return services.stream().allMatch(ServiceHealth::fresh);
    }

    public String problem() {
        return services.stream().map(ServiceHealth::problem).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
