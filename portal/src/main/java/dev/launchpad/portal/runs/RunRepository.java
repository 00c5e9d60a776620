package dev.launchpad.portal.runs;

import dev.launchpad.portal.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs and their events in the database. */
public final class RunRepository {

    private static final String COLUMNS = "id, kind, service_name, team_id, spec_json, status, error, requested_by,"
            + " retry_of, started_at, finished_at, instance_id";

    private final Jdbc jdbc;

    public RunRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void create(Run run) {
        jdbc.update("insert into runs (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.id(), run.kind(), run.serviceName(), run.team(), run.specJson(), run.status().id(), run.error(),
                run.requestedBy(), run.retryOf(), run.startedAt(), run.finishedAt(), run.instanceId());
    }

    public void append(RunEvent event) {
        jdbc.update("insert into run_events (run_id, seq, step, status, message, at) values (?, ?, ?, ?, ?, ?)",
                event.runId(), event.seq(), event.step(), event.status(), clip(event.message()), event.at());
    }

    public void finish(String runId, Run.Status status, String error, Instant at) {
        jdbc.update("update runs set status = ?, error = ?, finished_at = ? where id = ?",
                status.id(), error == null ? null : clip(error), at, runId);
    }

    /**
     * The same for a run that is still running; false if it has ended already. Of several instances that
     * recover one run at once, only the one that gets true cleans up after it.
     */
    public boolean finishIfRunning(String runId, Run.Status status, String error, Instant at) {
        return jdbc.update("update runs set status = ?, error = ?, finished_at = ? where id = ? and status = 'running'",
                status.id(), error == null ? null : clip(error), at, runId) > 0;
    }

    public Optional<Run> find(String id) {
        return jdbc.one("select " + COLUMNS + " from runs where id = ?", RunRepository::run, id);
    }

    public List<Run> running() {
        return jdbc.list("select " + COLUMNS + " from runs where status = 'running' order by started_at", RunRepository::run);
    }

    public List<Run> forService(String serviceName) {
        return jdbc.list("select " + COLUMNS + " from runs where service_name = ? order by started_at desc",
                RunRepository::run, serviceName);
    }

    public List<RunEvent> events(String runId, int afterSeq) {
        return jdbc.list("select run_id, seq, step, status, message, at from run_events where run_id = ? and seq > ?"
                + " order by seq", rs -> new RunEvent(rs.getString("run_id"), rs.getInt("seq"), rs.getString("step"),
                rs.getString("status"), rs.getString("message"), Jdbc.instant(rs, "at")), runId, afterSeq);
    }

    public int lastSeq(String runId) {
        return jdbc.one("select coalesce(max(seq), 0) as last from run_events where run_id = ?",
                rs -> rs.getInt("last"), runId).orElse(0);
    }

    private static Run run(ResultSet rs) throws SQLException {
        return new Run(rs.getString("id"), rs.getString("kind"), rs.getString("service_name"), rs.getString("team_id"),
                rs.getString("spec_json"), Run.Status.of(rs.getString("status")), rs.getString("error"),
                rs.getString("requested_by"), rs.getString("retry_of"), Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "finished_at"), rs.getString("instance_id"));
    }

    private static String clip(String text) {
        return text.length() > 4000 ? text.substring(0, 3997) + "..." : text;
    }
}
