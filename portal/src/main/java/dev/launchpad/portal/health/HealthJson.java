package dev.launchpad.portal.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shapes of the health API: plain maps, so the JSON says exactly what is written here. */
final class HealthJson {

    private HealthJson() {
    }

    static Map<String, Object> source(Health health) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", health.demo() ? "demo" : "aws");
        body.put("demo", health.demo());
        if (health.demo()) {
            body.put("notice", "demo data: no AWS account is configured, so these alarms and metrics are synthetic");
        }
        return body;
    }

    static Map<String, Object> service(ServiceHealth s, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", s.service());
        m.put("team", s.team());
        m.put("state", s.state().name());
        freshness(m, s.readAt(), s.fresh(), s.problem(), now);
        List<Map<String, Object>> envs = new ArrayList<>();
        for (EnvironmentHealth e : s.environments()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("environment", e.environment());
            em.put("watched", e.watched());
            if (e.watched()) {
                em.put("account", e.target().account());
                em.put("region", e.target().region());
            }
            em.put("state", e.state().name());
            freshness(em, e.readAt(), e.fresh(), e.problem(), now);
            em.put("alarms", e.alarms().stream().map(HealthJson::alarm).toList());
            envs.add(em);
        }
        m.put("environments", envs);
        m.put("links", Map.of("self", "/api/v1/services/" + s.service() + "/health",
                "metrics", "/api/v1/services/" + s.service() + "/metrics",
                "page", "/services/" + s.service() + "/health",
                "team", "/api/v1/teams/" + s.team() + "/health"));
        return m;
    }

    static Map<String, Object> team(TeamHealth t, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("team", t.team());
        m.put("displayName", t.displayName());
        m.put("state", t.state().name());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (HealthState state : HealthState.values()) {
            counts.put(state.name(), t.count(state));
        }
        m.put("counts", counts);
        freshness(m, t.readAt(), t.fresh(), t.problem(), now);
        m.put("services", t.services().stream().map(s -> service(s, now)).toList());
        return m;
    }

    private static Map<String, Object> alarm(Alarm a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("type", a.composite() ? "composite" : "metric");
        m.put("state", a.state().name());
        m.put("reason", a.reason());
        m.put("since", a.since());
        m.put("description", a.description());
        return m;
    }

    static Map<String, Object> dashboard(Dashboard d, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", d.service());
        m.put("environment", d.environment());
        m.put("environments", d.environments());
        if (d.target() != null) {
            m.put("account", d.target().account());
            m.put("region", d.target().region());
        }
        m.put("range", d.range().id());
        m.put("periodSeconds", d.range().periodSeconds());
        m.put("start", d.window().start());
        m.put("end", d.window().end());
        m.put("queries", d.queries());
        freshness(m, d.readAt(), d.fresh(), d.problem(), now);
        m.put("notes", d.notes());
        m.put("timestamps", d.timestamps());
        List<Map<String, Object>> charts = new ArrayList<>();
        for (Dashboard.Chart c : d.charts()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("section", c.section());
            cm.put("title", c.title());
            cm.put("unit", c.unit());
            cm.put("unitText", unitText(c, d.range()));
            cm.put("perPeriod", c.perPeriod());
            freshness(cm, c.readAt(), c.fresh(), c.problem(), now);
            List<Map<String, Object>> series = new ArrayList<>();
            for (int i = 0; i < c.labels().size(); i++) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("label", c.labels().get(i));
                sm.put("values", c.values().get(i));
                series.add(sm);
            }
            cm.put("series", series);
            charts.add(cm);
        }
        m.put("charts", charts);
        return m;
    }

    /** "invocations per 1 min", "ms", "%". */
    static String unitText(Dashboard.Chart c, Range range) {
        return c.perPeriod() ? c.unit() + " " + Ages.period(range.periodSeconds()) : c.unit();
    }

    private static void freshness(Map<String, Object> m, Instant readAt, boolean fresh, String problem, Instant now) {
        m.put("readAt", readAt);
        m.put("ageSeconds", readAt == null ? null : Math.max(0, now.getEpochSecond() - readAt.getEpochSecond()));
        m.put("fresh", fresh);
        if (!fresh && problem != null) {
            m.put("problem", problem);
        }
    }
}
