package dev.launchpad.portal.health;

import java.util.Collection;

/**
 * How a stack, service or team is doing, worst first: the order boards sort by. UNKNOWN is a stack
 * whose alarms could not be read yet; NO_ALARMS one that has none to read.
 */
public enum HealthState {
    ALARM("Alarm"), INSUFFICIENT_DATA("Insufficient data"), UNKNOWN("Unknown"), OK("OK"), NO_ALARMS("No alarms");

    private final String label;

    HealthState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The CSS-friendly id: {@code alarm}, {@code insufficient-data}, ... */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static HealthState of(AlarmState state) {
        return switch (state) {
            case ALARM -> ALARM;
            case INSUFFICIENT_DATA -> INSUFFICIENT_DATA;
            case OK -> OK;
        };
    }

    /** The worst of {@code states}, or NO_ALARMS when there are none. */
    public static HealthState worst(Collection<HealthState> states) {
        return states.stream().min(Enum::compareTo).orElse(NO_ALARMS);
    }
}
