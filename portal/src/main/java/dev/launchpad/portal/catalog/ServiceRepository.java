package dev.launchpad.portal.catalog;

import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.portal.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Services in the database. A name is claimed by inserting its row, so the primary key decides races. */
public final class ServiceRepository {

    /** The outcome of claiming a name. */
    public sealed interface Reservation {
        record Reserved(String name) implements Reservation {
        }

        record Taken(String name) implements Reservation {
        }
    }

    private static final String COLUMNS = "name, team_id, description, spec_json, blueprint_version, repository,"
            + " last_commit, status, run_id, created_by, created_at";

    private final Jdbc jdbc;

    public ServiceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the spec's name for a run; the row stays 'creating' until {@link #activate}. */
    public Reservation reserve(ProjectSpec spec, String specJson, String createdBy, String runId, Instant at) {
        try {
            return jdbc.transaction(tx -> {
                tx.update("insert into services (" + COLUMNS + ") values (?, ?, ?, ?, ?, null, null, 'creating', ?, ?, ?)",
                        spec.name(), spec.team(), spec.description(), specJson, spec.blueprintVersion(), runId,
                        createdBy, at);
                for (String feature : spec.features().keySet()) {
                    tx.update("insert into service_features (service_name, feature_id) values (?, ?)", spec.name(), feature);
                }
                return new Reservation.Reserved(spec.name());
            });
        } catch (RuntimeException e) {
            if (Jdbc.isUniqueViolation(e)) {
                return new Reservation.Taken(spec.name());
            }
            throw e;
        }
    }

    /** Marks a reserved service as published; false if the reservation is gone. */
    public boolean activate(String name, String runId, String repository, String commit) {
        return jdbc.update("update services set status = 'active', repository = ?, last_commit = ?"
                + " where name = ? and run_id = ? and status = 'creating'", repository, commit, name, runId) == 1;
    }

    /** Gives up a run's claim on a name that was never published. */
    public void release(String name, String runId) {
        jdbc.transaction(tx -> {
            int claimed = tx.list("select name from services where name = ? and run_id = ? and status = 'creating'",
                    rs -> rs.getString(1), name, runId).size();
            if (claimed > 0) {
                tx.update("delete from service_features where service_name = ?", name);
                tx.update("delete from services where name = ? and run_id = ? and status = 'creating'", name, runId);
            }
            return claimed;
        });
    }

    public Optional<Service> find(String name) {
        return list("where s.name = ? and s.status = 'active'", name).stream().findFirst();
    }

    /** The team of a published service: what access checks need, without loading the service. */
    public Optional<String> teamOf(String name) {
        return jdbc.one("select team_id from services where name = ? and status = 'active'", rs -> rs.getString(1), name);
    }

    /** Who holds a name, whatever the state of their row. */
    public record Claim(String name, String status, String runId) {
    }

    public Optional<Claim> claim(String name) {
        return jdbc.one("select name, status, run_id from services where name = ?",
                rs -> new Claim(rs.getString(1), rs.getString(2), rs.getString(3)), name);
    }

    public boolean exists(String name) {
        return jdbc.one("select name from services where name = ?", rs -> rs.getString(1), name).isPresent();
    }

    /** Published services, newest first, optionally only one team's or only those with a feature. */
    public List<Service> search(String team, String feature) {
        StringBuilder where = new StringBuilder("where s.status = 'active'");
        List<Object> params = new ArrayList<>();
        if (team != null && !team.isBlank()) {
            where.append(" and s.team_id = ?");
            params.add(team);
        }
        if (feature != null && !feature.isBlank()) {
            where.append(" and exists (select 1 from service_features f where f.service_name = s.name and f.feature_id = ?)");
            params.add(feature);
        }
        return list(where.toString(), params.toArray());
    }

    public int count() {
        return jdbc.one("select count(*) from services", rs -> rs.getInt(1)).orElse(0);
    }

    private List<Service> list(String where, Object... params) {
        List<Service> services = jdbc.list("select " + prefixed() + " from services s " + where
                + " order by s.created_at desc, s.name", ServiceRepository::row, params);
        if (services.isEmpty()) {
            return services;
        }
        Map<String, List<String>> features = new HashMap<>();
        jdbc.list("select f.service_name, f.feature_id from service_features f join services s on s.name = f.service_name "
                + where + " order by f.feature_id", rs -> features.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(rs.getString(2)), params);
        return services.stream().map(s -> new Service(s.name(), s.team(), s.description(), s.specJson(),
                s.blueprintVersion(), s.repository(), s.lastCommit(), s.status(), s.runId(), s.createdBy(),
                s.createdAt(), features.getOrDefault(s.name(), List.of()))).toList();
    }

    private static String prefixed() {
        return "s." + COLUMNS.replace(", ", ", s.");
    }

    private static Service row(ResultSet rs) throws SQLException {
        return new Service(rs.getString("name"), rs.getString("team_id"), rs.getString("description"),
                rs.getString("spec_json"), rs.getString("blueprint_version"), rs.getString("repository"),
                rs.getString("last_commit"), rs.getString("status"), rs.getString("run_id"), rs.getString("created_by"),
                Jdbc.instant(rs, "created_at"), List.of());
    }
}
