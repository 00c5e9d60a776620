package dev.launchpad.portal.auth;

import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;

/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (other sites' forms and scripts do not
 * carry it, while links into the portal still open signed in), Secure when the portal is served over HTTPS.
 */
public final class SessionCookies {

    private final boolean secure;
    private final Duration maxAge;
    private final String origin;

    public SessionCookies(boolean secure, Duration maxAge, String publicUrl) {
        this.secure = secure;
        this.maxAge = maxAge;
        URI uri = URI.create(publicUrl);
        this.origin = uri.getScheme() + "://" + uri.getRawAuthority();
    }

    public void setSession(Context ctx, String value) {
        set(ctx, CurrentUser.SESSION_COOKIE, value, maxAge.toSeconds());
    }

    public void clearSession(Context ctx) {
        set(ctx, CurrentUser.SESSION_COOKIE, "", 0);
    }

    /** A cookie of the same kind under another name (the OpenID Connect flow's browser binding). */
    public void set(Context ctx, String name, String value, long maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
    }

    /**
     * False when the browser says the request came from another site. Browsers send {@code Origin} on
     * cross-origin form posts; without it (older clients, tools) the SameSite cookie and the form token
     * are the defence.
     */
    public boolean sameOrigin(Context ctx) {
        String sent = ctx.header("Origin");
        if (sent == null || sent.equals(origin)) {
            return true;
        }
        String host = ctx.header("Host");
        return host != null && (sent.equals("http://" + host) || sent.equals("https://" + host));
    }
}
