package dev.launchpad.portal.auth;

import dev.launchpad.portal.audit.AuditLog;
import dev.launchpad.portal.catalog.TeamRepository;
import dev.launchpad.portal.db.Jdbc;
import java.time.Clock;

/** The identity parts wired together once, for the sign-in, account and admin handlers. */
public record Identity(AuthSettings settings, String publicUrl, Jdbc jdbc, Clock clock, UserRepository users,
                       TeamRepository teams, SessionStore sessions, ApiTokens tokens, SignInLimiter limiter,
                       Passwords passwords, SessionCookies cookies, CurrentUser currentUser, AuditLog audit) {

    public static Identity create(AuthSettings settings, String publicUrl, Jdbc jdbc, Clock clock, TeamRepository teams,
                                  AuditLog audit) {
        UserRepository users = new UserRepository(jdbc, clock);
        SessionStore sessions = new SessionStore(jdbc, clock, settings.sessionIdle(), settings.sessionMax());
        ApiTokens tokens = new ApiTokens(jdbc, clock);
        return new Identity(settings, publicUrl, jdbc, clock, users, teams, sessions, tokens, new SignInLimiter(jdbc, clock),
                Passwords.standard(), new SessionCookies(settings.secureCookies(), settings.sessionMax(), publicUrl),
                new CurrentUser(sessions, tokens, users), audit);
    }
}
