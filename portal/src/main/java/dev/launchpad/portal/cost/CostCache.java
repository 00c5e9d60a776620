package dev.launchpad.portal.cost;

import dev.launchpad.portal.db.Jdbc;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The last answers of the cost sources, in the database so every portal instance shows the same and a
 * restart does not pay for Cost Explorer again. A failure is recorded beside the last good payload.
 */
public final class CostCache {

    /** One cached answer; {@code payloadJson} and {@code fetchedAt} are null until a refresh first succeeds. */
    public record Entry(String key, String payloadJson, Instant fetchedAt, String error, Instant errorAt) {

        public boolean failedLast() {
            return error != null && (fetchedAt == null || errorAt.isAfter(fetchedAt));
        }
    }

    private static final String COLUMNS = "cache_key, payload_json, fetched_at, error, error_at";

    private final Jdbc jdbc;

    public CostCache(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> get(String key) {
        return jdbc.one("select " + COLUMNS + " from cost_cache where cache_key = ?", CostCache::row, key);
    }

    public List<Entry> all() {
        return jdbc.list("select " + COLUMNS + " from cost_cache order by cache_key", CostCache::row);
    }

    /** Stores a fresh payload, clearing any error. */
    public void store(String key, String payloadJson, Instant at) {
        upsert("update cost_cache set payload_json = ?, fetched_at = ?, error = null, error_at = null where cache_key = ?",
                new Object[] {payloadJson, at, key},
                "insert into cost_cache (" + COLUMNS + ") values (?, ?, ?, null, null)", new Object[] {key, payloadJson, at});
    }

    /** Records a failed refresh; the payload stored before stays. */
    public void failed(String key, String error, Instant at) {
        String message = error.length() > 2000 ? error.substring(0, 2000) : error;
        upsert("update cost_cache set error = ?, error_at = ? where cache_key = ?", new Object[] {message, at, key},
                "insert into cost_cache (" + COLUMNS + ") values (?, null, null, ?, ?)", new Object[] {key, message, at});
    }

    private void upsert(String update, Object[] updateParams, String insert, Object[] insertParams) {
        if (jdbc.update(update, updateParams) > 0) {
            return;
        }
        try {
            jdbc.update(insert, insertParams);
        } catch (RuntimeException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
            jdbc.update(update, updateParams);
        }
    }

    private static Entry row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getString("cache_key"), rs.getString("payload_json"), Jdbc.instant(rs, "fetched_at"),
                rs.getString("error"), Jdbc.instant(rs, "error_at"));
    }
}
