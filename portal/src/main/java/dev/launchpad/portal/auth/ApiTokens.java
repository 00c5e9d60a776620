package dev.launchpad.portal.auth;

import dev.launchpad.portal.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * API tokens: {@code lp_} and 256 random bits, shown once at creation and stored as a SHA-256. Each has
 * scopes and an expiry, and can be revoked. The prefix lets secret scanners recognise a leaked token.
 */
public final class ApiTokens {

    public static final String PREFIX = "lp_";
    public static final String BOOTSTRAP_ID = "bootstrap";

    /** A token as listed: everything but the secret. */
    public record Token(String id, String login, String name, Set<Scope> scopes, Instant createdAt, Instant expiresAt,
                        Instant lastUsedAt, Instant revokedAt) {

        public boolean usableAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    /** A token just created; {@code secret} is never stored or shown again. */
    public record Created(Token token, String secret) {
        @Override
        public String toString() {
            return "Created[" + token + "]";
        }
    }

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final String COLUMNS = "id, user_login, name, scopes, created_at, expires_at, last_used_at, revoked_at";

    private final Jdbc jdbc;
    private final Clock clock;

    public ApiTokens(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Created create(String login, String name, Set<Scope> scopes, Instant expiresAt) {
        String secret = PREFIX + Secrets.random();
        Token token = new Token(UUID.randomUUID().toString(), login, name, scopes, clock.instant(), expiresAt, null, null);
        insert(token, secret);
        return new Created(token, secret);
    }

    /**
     * Registers the deployment pipeline's token for the admin. The same secret as before only has its expiry
     * moved on (a revoked one stays revoked); another secret replaces it, so changing the variable and
     * restarting rotates it. True when the token is new or replaced.
     */
    public boolean registerBootstrap(String login, String secret, Instant expiresAt) {
        String hash = Secrets.sha256(secret);
        return jdbc.transaction(tx -> {
            if (tx.update("update api_tokens set expires_at = ? where id = ? and token_hash = ?", expiresAt, BOOTSTRAP_ID, hash) == 1) {
                return false;
            }
            tx.update("delete from api_tokens where id = ?", BOOTSTRAP_ID);
            tx.update("insert into api_tokens (id, user_login, name, token_hash, scopes, created_at, expires_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", BOOTSTRAP_ID, login, "bootstrap (LAUNCHPAD_BOOTSTRAP_TOKEN)",
                    hash, Scope.format(Scope.all()), clock.instant(), expiresAt);
            return true;
        });
    }

    /** The usable token with this secret, if any. */
    public Optional<Token> find(String secret) {
        if (secret == null || secret.length() > 300) {
            return Optional.empty();
        }
        Optional<Token> token = jdbc.one("select " + COLUMNS + " from api_tokens where token_hash = ?", ApiTokens::token,
                Secrets.sha256(secret));
        Instant now = clock.instant();
        if (token.isEmpty() || !token.get().usableAt(now)) {
            return Optional.empty();
        }
        Token t = token.get();
        if (t.lastUsedAt() == null || now.isAfter(t.lastUsedAt().plus(TOUCH_EVERY))) {
            jdbc.update("update api_tokens set last_used_at = ? where id = ?", now, t.id());
        }
        return token;
    }

    public List<Token> of(String login) {
        return jdbc.list("select " + COLUMNS + " from api_tokens where user_login = ? order by created_at desc",
                ApiTokens::token, login);
    }

    public Optional<Token> byId(String id) {
        return jdbc.one("select " + COLUMNS + " from api_tokens where id = ?", ApiTokens::token, id);
    }

    /** Revokes the token; false when it does not exist or was revoked already. */
    public boolean revoke(String id) {
        return jdbc.update("update api_tokens set revoked_at = ? where id = ? and revoked_at is null", clock.instant(), id) == 1;
    }

    private void insert(Token token, String secret) {
        jdbc.update("insert into api_tokens (id, user_login, name, token_hash, scopes, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", token.id(), token.login(), token.name(), Secrets.sha256(secret),
                Scope.format(token.scopes()), token.createdAt(), token.expiresAt());
    }

    private static Token token(ResultSet rs) throws SQLException {
        return new Token(rs.getString("id"), rs.getString("user_login"), rs.getString("name"),
                Scope.parseList(rs.getString("scopes")), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"),
                Jdbc.instant(rs, "last_used_at"), Jdbc.instant(rs, "revoked_at"));
    }
}
