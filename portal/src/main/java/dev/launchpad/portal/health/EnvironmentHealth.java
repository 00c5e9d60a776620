package dev.launchpad.portal.health;

import java.time.Instant;
import java.util.List;

/**
 * A service's health in one environment.
 *
 * @param target  where it is read from; null when no AWS account is configured for the environment
 * @param alarms  worst first, then by name
 * @param readAt  when the alarms were read; null if they never were
 * @param problem why the alarms are not fresh, or null
 */
public record EnvironmentHealth(String environment, Target target, HealthState state, List<Alarm> alarms,
                                Instant readAt, boolean fresh, String problem) {

    public EnvironmentHealth {
        alarms = List.copyOf(alarms);
    }

    public boolean watched() {
        return target != null;
    }

    public long count(AlarmState state) {
        return alarms.stream().filter(a -> a.state() == state).count();
    }
}
