package dev.launchpad.portal.auth;

import dev.launchpad.portal.db.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Browser sessions in the database, so that a request may land on any instance. The cookie carries a
 * random value; the table keeps its SHA-256. A session ends after {@code idle} without a request and
 * {@code max} after sign-in, whichever comes first.
 */
public final class SessionStore {

    /** A live session: who, and the token their forms must echo. */
    public record Session(String login, String csrfToken) {
    }

    /** last_seen_at is written at most this often, so browsing is not a stream of database writes. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Jdbc jdbc;
    private final Clock clock;
    private final Duration idle;
    private final Duration max;

    public SessionStore(Jdbc jdbc, Clock clock, Duration idle, Duration max) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    /** Starts a session and returns the cookie's value, which exists only there and in the browser. */
    public String create(String login) {
        String value = Secrets.random();
        String csrf = Secrets.random();
        Instant now = clock.instant();
        Instant expires = now.plus(max);
        jdbc.update("insert into sessions (id_hash, user_login, csrf_token, created_at, last_seen_at, expires_at)"
                + " values (?, ?, ?, ?, ?, ?)", Secrets.sha256(value), login, csrf, now, now, expires);
        return value;
    }

    /** The live session the cookie names; an expired one is deleted on the way. */
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        String id = Secrets.sha256(cookieValue);
        record Row(String login, String csrf, Instant lastSeen, Instant expires) {
        }
        Optional<Row> row = jdbc.one("select user_login, csrf_token, last_seen_at, expires_at from sessions where id_hash = ?",
                rs -> new Row(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "last_seen_at"), Jdbc.instant(rs, "expires_at")),
                id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Row r = row.get();
        if (!now.isBefore(r.expires()) || !now.isBefore(r.lastSeen().plus(idle))) {
            jdbc.update("delete from sessions where id_hash = ?", id);
            return Optional.empty();
        }
        if (now.isAfter(r.lastSeen().plus(TOUCH_EVERY))) {
            jdbc.update("update sessions set last_seen_at = ? where id_hash = ?", now, id);
        }
        return Optional.of(new Session(r.login(), r.csrf()));
    }

    public void delete(String cookieValue) {
        if (cookieValue != null) {
            jdbc.update("delete from sessions where id_hash = ?", Secrets.sha256(cookieValue));
        }
    }

    /** Signs the user out everywhere (disabled account, password changed). */
    public int deleteFor(String login) {
        return jdbc.update("delete from sessions where user_login = ?", login);
    }

    /** Removes sessions that can no longer be used. */
    public int purge() {
        Instant now = clock.instant();
        return jdbc.update("delete from sessions where expires_at <= ? or last_seen_at <= ?", now, now.minus(idle));
    }
}
