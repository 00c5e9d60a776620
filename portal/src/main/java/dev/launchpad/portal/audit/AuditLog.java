package dev.launchpad.portal.audit;

import dev.launchpad.portal.db.Jdbc;
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

    private static String truncate(String text) {
        return text.length() > 4000 ? text.substring(0, 3997) + "..." : text;
    }
}
