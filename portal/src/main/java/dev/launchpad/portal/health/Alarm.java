package dev.launchpad.portal.health;

import java.time.Instant;

/**
 * One CloudWatch alarm as the health pages show it.
 *
 * @param composite whether it is a composite alarm (a rule over other alarms) rather than a metric alarm
 * @param since     when it entered its current state
 */
public record Alarm(String name, boolean composite, AlarmState state, String reason, Instant since, String description) {
}
