package dev.launchpad.portal.publish;

import dev.launchpad.portal.auth.Secrets;
import dev.launchpad.portal.db.Jdbc;
import java.time.Clock;

/**
 * Remembers the response to a request sent with an {@code Idempotency-Key}, per user, so that a retry of
 * a request that succeeded gets the first answer instead of a second publish. A key is claimed before
 * the work starts; a request that fails releases it, so it can be retried.
 */
public final class IdempotencyKeys {

    public static final int MAX_LENGTH = 200;

    /** What to do with a request that carries a key. */
    public sealed interface Claim {
        /** First use: go ahead, then {@link #complete} or {@link #release}. */
        record Claimed() implements Claim {
        }

        /** Seen and answered before: send this again. */
        record Replay(int status, String location, String body) implements Claim {
        }

        /** A request with this key is still being handled. */
        record InProgress() implements Claim {
        }

        /** The key was used before for a different request body. */
        record Mismatch() implements Claim {
        }
    }

    private final Jdbc jdbc;
    /**
     * Longer than any publish request takes: it may wait for the platform modules for their whole patience,
     * then render, commit and push.
     */
    static final java.time.Duration ABANDONED_AFTER = ModulesPublication.PATIENCE.plusMinutes(3);

    private final Clock clock;

    public IdempotencyKeys(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Claim claim(String user, String key, String requestBody) {
        String hash = Secrets.sha256(requestBody);
        try {
            jdbc.update("insert into idempotency_keys (user_login, idem_key, request_hash, created_at) values (?, ?, ?, ?)",
                    user, key, hash, clock.instant());
            return new Claim.Claimed();
        } catch (RuntimeException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
        }
        return jdbc.one("select request_hash, status_code, location, response_body from idempotency_keys"
                + " where user_login = ? and idem_key = ?", rs -> {
                    if (!rs.getString("request_hash").equals(hash)) {
                        return (Claim) new Claim.Mismatch();
                    }
                    int status = rs.getInt("status_code");
                    return rs.wasNull() ? new Claim.InProgress()
                            : new Claim.Replay(status, rs.getString("location"), rs.getString("response_body"));
                }, user, key)
                // released between our insert and select: the caller may simply try again
                .orElse(new Claim.InProgress());
    }

    public void complete(String user, String key, int status, String location, String body) {
        jdbc.update("update idempotency_keys set status_code = ?, location = ?, response_body = ?"
                + " where user_login = ? and idem_key = ?", status, location, body, user, key);
    }

    public void release(String user, String key) {
        jdbc.update("delete from idempotency_keys where user_login = ? and idem_key = ? and status_code is null", user, key);
    }

    /**
     * Drops claims whose requests never finished (an instance stopped while handling them). A claim lives only
     * as long as its request, so one older than any request can take is abandoned; younger ones may belong to
     * a request another instance is handling right now and are left alone.
     */
    public void forgetUnfinished() {
        jdbc.update("delete from idempotency_keys where status_code is null and created_at < ?",
                clock.instant().minus(ABANDONED_AFTER));
    }
}
