package dev.launchpad.portal.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.launchpad.portal.catalog.Team;
import dev.launchpad.portal.web.ApiProblem;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in through the company's OpenID Connect provider: the authorization code flow with PKCE (S256), a
 * state that names the sign-in and a nonce that binds the ID token to it. The browser that started a
 * sign-in holds a short-lived cookie, so a callback link opened elsewhere signs nobody in.
 */
public final class OidcSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);
    static final String BROWSER_COOKIE = "launchpad_oidc";
    private static final Pattern RANDOM_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

    private final Identity identity;
    private final OidcSettings settings;
    private final SignInPages signInPages;
    private final OidcRequests requests;
    private final OidcAccounts accounts;
    private final OidcProvider provider;
    private final String redirectUri;

    /** @param signInPages the sign-in page, which shows this flow's errors and starts its sessions */
    public OidcSignIn(Identity identity, SignInPages signInPages) {
        this.identity = identity;
        this.settings = identity.settings().oidc();
        this.signInPages = signInPages;
        this.requests = new OidcRequests(identity.jdbc(), identity.clock());
        this.accounts = new OidcAccounts(identity.users(), identity.audit());
        this.provider = settings == null ? null : new OidcProvider(settings, identity.clock());
        this.redirectUri = identity.publicUrl() + "/auth/oidc/callback";
    }

    public void start(Context ctx) {
        requireConfigured();
        ctx.header("Cache-Control", "no-store");
        String returnTo = SignInPages.safeNext(ctx.queryParam("next"));
        OidcProvider.Metadata metadata;
        try {
            metadata = provider.metadata();
        } catch (OidcFailure e) {
            ctx.status(HttpStatus.BAD_GATEWAY);
            signInPages.showError(ctx, returnTo, "Sign-in with " + settings.displayName() + " is not available right now: "
                    + e.getMessage() + ". Try again in a moment, or sign in with a local account.");
            return;
        }
        String state = Secrets.random();
        String nonce = Secrets.random();
        String verifier = Secrets.random();
        // One value per browser, kept while it lasts, so that sign-ins started in two tabs both come back.
        String browser = Optional.ofNullable(ctx.cookie(BROWSER_COOKIE)).filter(v -> RANDOM_VALUE.matcher(v).matches())
                .orElseGet(Secrets::random);
        requests.save(state, new OidcRequests.Pending(Secrets.sha256(browser), verifier, nonce, returnTo));
        identity.cookies().set(ctx, BROWSER_COOKIE, browser, OidcRequests.LIFETIME.toSeconds());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid profile email");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        String endpoint = metadata.authorizationEndpoint().toString();
        ctx.redirect(endpoint + (endpoint.contains("?") ? "&" : "?") + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&")), HttpStatus.FOUND);
    }

    public void callback(Context ctx) {
        requireConfigured();
        ctx.header("Cache-Control", "no-store");
        Optional<OidcRequests.Pending> pending = requests.take(ctx.queryParam("state"));
        String returnTo = pending.map(OidcRequests.Pending::returnTo).orElse(SignInPages.safeNext(null));
        String login;
        try {
            login = signIn(ctx, pending);
        } catch (OidcFailure e) {
            LOG.info("sign-in through the identity provider failed from {}: {}", ctx.ip(), e.getMessage());
            identity.audit().record("unknown", "signin.failed", "user:unknown", "oidc: " + e.getMessage() + ", from " + ctx.ip());
            ctx.status(HttpStatus.UNAUTHORIZED);
            signInPages.showError(ctx, returnTo, "Sign-in with " + settings.displayName() + " failed: " + e.getMessage() + ".");
            return;
        }
        signInPages.startSession(ctx, login, "oidc");
        identity.cookies().set(ctx, BROWSER_COOKIE, "", 0);
        ctx.redirect(returnTo, HttpStatus.SEE_OTHER);
    }

    private String signIn(Context ctx, Optional<OidcRequests.Pending> found) throws OidcFailure {
        String error = ctx.queryParam("error");
        if (error != null) {
            throw new OidcFailure("the identity provider did not sign you in ("
                    + (ERROR_CODE.matcher(error).matches() ? error : "an error") + ")");
        }
        OidcRequests.Pending pending = found.orElseThrow(() -> new OidcFailure(
                "this sign-in is unknown, already used or older than " + OidcRequests.LIFETIME.toMinutes() + " minutes; start again"));
        String browser = ctx.cookie(BROWSER_COOKIE);
        if (browser == null || !Secrets.sameText(Secrets.sha256(browser), pending.browserHash())) {
            throw new OidcFailure("this sign-in was started in another browser, or the browser did not keep its cookie");
        }
        String code = ctx.queryParam("code");
        if (code == null || code.isEmpty() || code.length() > 4096) {
            throw new OidcFailure("the identity provider sent no usable sign-in code");
        }
        String idToken = provider.exchange(code, pending.codeVerifier(), redirectUri);
        JWTClaimsSet claims = provider.verify(idToken, pending.nonce());
        return accounts.apply(OidcAccounts.profile(claims, settings, identity.teams().all().stream().map(Team::id).toList()));
    }

    private void requireConfigured() {
        if (settings == null) {
            throw ApiProblem.notFound("sign-in through an identity provider is not configured (LAUNCHPAD_OIDC_ISSUER)");
        }
    }

    /** PKCE S256: the verifier's SHA-256, base64url without padding. */
    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(Secrets.sha256(verifier)));
    }

    /** Percent-encoding for a URL's query (a space as %20: not every provider reads '+' as one). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
