package dev.launchpad.portal.auth;

import dev.launchpad.portal.audit.AuditLog;
import dev.launchpad.portal.web.Chrome;
import dev.launchpad.portal.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Optional;

/** Sign-in with a local account, and sign-out. The session cookie is made here and in the OpenID Connect flow. */
public final class SignInPages {

    /** The sign-in page's model; {@code oidcName} is null without an identity provider. */
    public record Model(Chrome chrome, String login, String next, String error, String oidcName) {

        /** The provider sign-in link, carrying {@code next} as a query parameter. */
        public String oidcStartUrl() {
            return "/auth/oidc/start?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final UserRepository users;
    private final SessionStore sessions;
    private final SignInLimiter limiter;
    private final Passwords passwords;
    private final SessionCookies cookies;
    private final AuditLog audit;
    private final Pages pages;
    private final String oidcName;
    /** Verified against when the login is unknown, so a wrong login takes as long as a wrong password. */
    private volatile String decoyHash;

    public SignInPages(Identity identity, Pages pages) {
        this.users = identity.users();
        this.sessions = identity.sessions();
        this.limiter = identity.limiter();
        this.passwords = identity.passwords();
        this.cookies = identity.cookies();
        this.audit = identity.audit();
        this.pages = pages;
        this.oidcName = identity.settings().oidc() == null ? null : identity.settings().oidc().displayName();
    }

    public void form(Context ctx) {
        render(ctx, "", safeNext(ctx.queryParam("next")), null);
    }

    public void signIn(Context ctx) {
        String login = Optional.ofNullable(ctx.formParam("login")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        if (!cookies.sameOrigin(ctx)) {
            ctx.status(HttpStatus.FORBIDDEN);
            render(ctx, login, next, "The sign-in form must be sent from Launchpad's own page.");
            return;
        }
        if (login.isEmpty() || login.length() > 64 || password.isEmpty() || password.length() > Passwords.MAX_LENGTH) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, login.length() > 64 ? "" : login, next,
                    "Enter your login (up to 64 characters) and your password (up to 200 characters).");
            return;
        }
        String address = ctx.ip();
        Optional<Duration> wait = limiter.blocked(login, address);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            ctx.header("Retry-After", Long.toString(wait.get().toSeconds()));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            render(ctx, login, next, "Too many failed sign-ins. Try again in " + minutes + " minute" + (minutes == 1 ? "" : "s") + ".");
            return;
        }
        // Counted as a failure before the slow check, so that guesses sent in parallel count against each
        // other; a success takes it back below.
        limiter.failed(login, address);
        Optional<UserRepository.Account> account = users.find(login).filter(a -> a.passwordHash() != null);
        boolean matches = passwords.verify(password, account.map(UserRepository.Account::passwordHash).orElseGet(this::decoyHash));
        if (account.isEmpty() || !matches || account.get().disabled()) {
            audit.record(account.isPresent() ? login : "unknown", "signin.failed", "user:" + (account.isPresent() ? login : "unknown"),
                    "from " + address);
            ctx.status(HttpStatus.UNAUTHORIZED);
            render(ctx, login, next, "Wrong login or password.");
            return;
        }
        limiter.succeeded(login);
        startSession(ctx, login, "local account");
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    /** Signs {@code login} in on this browser, however they proved who they are ({@code how}, for the audit log). */
    void startSession(Context ctx, String login, String how) {
        sessions.purge(); // sign-ins are rare enough to tidy up after
        sessions.delete(ctx.cookie(CurrentUser.SESSION_COOKIE)); // a session from before sign-in is not reused
        cookies.setSession(ctx, sessions.create(login));
        audit.record(login, "signin", "user:" + login, how + ", from " + ctx.ip());
    }

    public void signOut(Context ctx) {
        String cookie = ctx.cookie(CurrentUser.SESSION_COOKIE);
        sessions.delete(cookie);
        cookies.clearSession(ctx);
        ctx.redirect("/signin", HttpStatus.SEE_OTHER);
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = passwords.hash(Secrets.random()); // made on first need, not at start-up
        }
        return decoyHash;
    }

    /** The form with a message, for a sign-in that failed elsewhere (the identity provider's way back); the caller sets the status. */
    public void showError(Context ctx, String next, String error) {
        render(ctx, "", next, error);
    }

    private void render(Context ctx, String login, String next, String error) {
        pages.render(ctx, "auth/signin.jte", new Model(pages.chrome(ctx, "Sign in", "signin"), login, next, error, oidcName));
    }

    /** Only a path on this site: never another origin, so a link cannot send people elsewhere after sign-in. */
    public static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > 500 || !next.startsWith("/") || next.startsWith("//")
                || next.startsWith("/\\") || next.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            return "/services";
        }
        return next;
    }
}
