package dev.launchpad.portal.auth;

import dev.launchpad.portal.web.ApiProblem;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is making a request: the one place identity comes from. A request is authenticated by an
 * {@code Authorization: Bearer} API token or by the session cookie; the answer is kept on the request, so
 * the database is asked once however often handlers ask.
 */
public final class CurrentUser {

    public static final String SESSION_COOKIE = "launchpad_session";
    private static final String ATTRIBUTE = "launchpad.principal";

    /** What authentication found: someone, or nobody and why. */
    private record Resolved(Principal principal, String failure) {
    }

    private final SessionStore sessions;
    private final ApiTokens tokens;
    private final UserRepository users;

    public CurrentUser(SessionStore sessions, ApiTokens tokens, UserRepository users) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.users = users;
    }

    /** Whoever is signed in, if anyone. */
    public Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(resolve(ctx).principal());
    }

    /** Whoever is signed in; a 401 problem when nobody is. */
    public Principal require(Context ctx) {
        Resolved r = resolve(ctx);
        if (r.principal() == null) {
            throw unauthenticated(r.failure());
        }
        return r.principal();
    }

    /** The signed-in user: the author of what they publish. */
    public User of(Context ctx) {
        return require(ctx).user();
    }

    /**
     * Whoever an {@code Authorization} header names outside the web routes (Git over HTTP): an API token as
     * {@code Bearer <token>}, or as the password of HTTP Basic (what Git credential helpers send; the user
     * name is not checked, as the token names its owner).
     */
    public Optional<Principal> fromAuthorization(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String token;
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        } else if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
                        java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            token = colon < 0 ? decoded : decoded.substring(colon + 1);
        } else {
            return Optional.empty();
        }
        return byToken(token);
    }

    public static ApiProblem unauthenticated(String detail) {
        return new ApiProblem(401, "unauthenticated", "Sign-in required", detail);
    }

    private Resolved resolve(Context ctx) {
        if (ctx.attribute(ATTRIBUTE) instanceof Resolved cached) {
            return cached;
        }
        Resolved resolved = authenticate(ctx);
        ctx.attribute(ATTRIBUTE, resolved);
        return resolved;
    }

    private Resolved authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return new Resolved(null, "the Authorization header must be 'Bearer <API token>'");
            }
            return byToken(authorization.substring(7).trim())
                    .map(p -> new Resolved(p, null))
                    .orElse(new Resolved(null, "the API token is unknown, expired or revoked"));
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie == null) {
            return new Resolved(null, "sign in at /signin, or send an API token as 'Authorization: Bearer <token>'");
        }
        return sessions.find(cookie)
                .flatMap(s -> principal(s.login(), Scope.all(), s.csrfToken()))
                .map(p -> new Resolved(p, null))
                .orElse(new Resolved(null, "the session has ended; sign in again at /signin"));
    }

    private Optional<Principal> byToken(String token) {
        return tokens.find(token).flatMap(t -> principal(t.login(), t.scopes(), null));
    }

    /** The account's principal with {@code granted} narrowed to what its roles allow; empty when disabled or gone. */
    private Optional<Principal> principal(String login, Set<Scope> granted, String csrfToken) {
        return users.find(login).filter(a -> !a.disabled()).map(account -> {
            Map<String, TeamRole> teams = users.memberships(login);
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            scopes.addAll(granted);
            if (!account.admin()) {
                scopes.remove(Scope.ADMIN);
            }
            return new Principal(account.user(), account.admin(), teams, scopes, csrfToken);
        });
    }
}
