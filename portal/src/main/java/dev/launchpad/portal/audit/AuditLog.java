package dev.launchpad.portal.audit;

import dev.launchpad.portal.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** An append-only record of what changed, who did it and when. */
public final class AuditLog {

    public record Entry(Instant at, String actor, String action, String subject, String detail) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public AuditLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String subject, String detail) {
        jdbc.update("insert into audit_log (at, actor, action, subject, detail) values (?, ?, ?, ?, ?)",
                clock.instant(), actor, action, subject, truncate(detail));
    }

    public List<Entry> about(String subject) {
        return jdbc.list("select at, actor, action, subject, detail from audit_log where subject = ? order by id",
                rs -> new Entry(Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("subject"), rs.getString("detail")), subject);
    }

    /**
     * The newest entries first, at most {@code limit}; when {@code actionPrefix} is not blank, only actions that
     * start with it ({@code user.} for every change to accounts).
     */
    public List<Entry> recent(int limit, String actionPrefix) {
        String select = "select at, actor, action, subject, detail from audit_log";
        if (actionPrefix == null || actionPrefix.isBlank()) {
            return jdbc.list(select + " order by id desc fetch first ? rows only", AuditLog::entry, limit);
        }
        String pattern = actionPrefix.trim().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return jdbc.list(select + " where action like ? escape '!' order by id desc fetch first ? rows only",
                AuditLog::entry, pattern, limit);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
                rs.getString("detail"));
    }

    private static String truncate(String text) {
        return text.length() > 4000 ? text.substring(0, 3997) + "..." : text;
    }
}
