package dev.launchpad.portal.health;

/** A CloudWatch alarm's state. */
public enum AlarmState {
    ALARM, INSUFFICIENT_DATA, OK;

    /** Parses CloudWatch's state value; anything unknown counts as insufficient data. */
    public static AlarmState of(String value) {
        for (AlarmState s : values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        return INSUFFICIENT_DATA;
    }
}
