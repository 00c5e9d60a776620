package dev.launchpad.portal.health;

import dev.launchpad.portal.catalog.Service;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The health badge of each service in a list, from the cached alarms. */
public final class HealthBadges {

    /**
     * @param state the {@link HealthState#id()}, for styling
     * @param title what hovering says: alarm counts, and when they were read
     */
    public record Badge(String state, String label, String title, String href) {
    }

    private final Health health;

    public HealthBadges(Health health) {
        this.health = health;
    }

    public boolean demo() {
        return health.demo();
    }

    public Map<String, Badge> of(List<Service> services) {
        Instant now = health.clock().instant();
        Map<String, Badge> badges = new LinkedHashMap<>();
        List<ServiceProfile> profiles = services.stream().map(ServiceProfile::of).toList();
        for (ServiceHealth h : health.board().services(profiles, health.pageWait())) {
            String title = h.count(AlarmState.ALARM) + " in alarm, " + h.count(AlarmState.INSUFFICIENT_DATA)
                    + " with insufficient data; read " + Ages.ago(h.readAt(), now) + (health.demo() ? " (demo data)" : "")
                    + (h.fresh() || h.problem() == null ? "" : "; " + h.problem());
            badges.put(h.service(), new Badge(h.state().id(), h.state().label(), title, "/services/" + h.service() + "/health"));
        }
        return badges;
    }
}
