package dev.launchpad.portal.auth;

import dev.launchpad.portal.db.Jdbc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-ins through the identity provider that have started and not yet come back, in the database so that
 * the callback may land on any instance. Each is found by its state (stored hashed) and used at most once.
 */
final class OidcRequests {

    /** How long someone has at the identity provider before the sign-in must start again. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** A started sign-in: what the callback checks against. */
    record Pending(String browserHash, String codeVerifier, String nonce, String returnTo) {
        @Override
        public String toString() {
            return "Pending[returnTo=" + returnTo + "]";
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;

    OidcRequests(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void save(String state, Pending pending) {
        Instant now = clock.instant();
        jdbc.update("delete from oidc_requests where created_at < ?", now.minus(LIFETIME)); // abandoned sign-ins
        jdbc.update("insert into oidc_requests (state_hash, browser_hash, code_verifier, nonce, return_to, created_at)"
                + " values (?, ?, ?, ?, ?, ?)", Secrets.sha256(state), pending.browserHash(), pending.codeVerifier(),
                pending.nonce(), pending.returnTo(), now);
    }

    /** The sign-in the state names, removed so that it cannot be used again; empty when unknown, used or too old. */
    Optional<Pending> take(String state) {
        if (state == null || state.isEmpty() || state.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(state);
        record Row(Pending pending, Instant created) {
        }
        Optional<Row> row = jdbc.one("select browser_hash, code_verifier, nonce, return_to, created_at from oidc_requests"
                + " where state_hash = ?", rs -> new Row(new Pending(rs.getString("browser_hash"), rs.getString("code_verifier"),
                rs.getString("nonce"), rs.getString("return_to")), Jdbc.instant(rs, "created_at")), hash);
        // Only the request that deletes the row may use it: two callbacks with one state cannot both get through.
        if (row.isEmpty() || jdbc.update("delete from oidc_requests where state_hash = ?", hash) != 1
                || row.get().created().plus(LIFETIME).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(row.get().pending());
    }
}
