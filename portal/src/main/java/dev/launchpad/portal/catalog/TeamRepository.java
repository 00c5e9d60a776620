package dev.launchpad.portal.catalog;

import dev.launchpad.portal.db.Jdbc;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Teams in the database. */
public final class TeamRepository {

    private final Jdbc jdbc;
    private final Clock clock;

    public TeamRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Team> all() {
        return jdbc.list("select id, display_name from teams order by id",
                rs -> new Team(rs.getString("id"), rs.getString("display_name")));
    }

    public Optional<Team> find(String id) {
        return jdbc.one("select id, display_name from teams where id = ?",
                rs -> new Team(rs.getString("id"), rs.getString("display_name")), id);
    }

    /** Adds the team unless it exists; true if it was added. Safe when several requests add it at once. */
    public boolean ensure(String id, String displayName) {
        if (jdbc.one("select id from teams where id = ?", rs -> rs.getString(1), id).isPresent()) {
            return false;
        }
        try {
            jdbc.update("insert into teams (id, display_name, created_at) values (?, ?, ?)", id, displayName, clock.instant());
            return true;
        } catch (RuntimeException e) {
            if (Jdbc.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
