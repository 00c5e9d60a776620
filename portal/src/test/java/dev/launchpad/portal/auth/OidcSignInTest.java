package dev.launchpad.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.launchpad.portal.TestPortal;
import dev.launchpad.portal.audit.AuditLog;
import dev.launchpad.portal.catalog.TeamRepository;
import dev.launchpad.portal.db.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OidcSignInTest {

    static final String ISSUER_ID = "issuer1";
    static final String CLIENT_ID = "launchpad";
    static final String CLIENT_SECRET = "client-secret-for-tests-0123456789";

    @TempDir
    static Path data;
    static MockOAuth2Server provider;
    static FakeProvider fake;
    static TestPortal portal;
    static TestPortal portalWithFake;

    @BeforeAll
    static void start() throws Exception {
        provider = new MockOAuth2Server();
        provider.start();
        fake = new FakeProvider();
        portal = TestPortal.start(TestPortal.config(data.resolve("mock"), oidc(provider.issuerUrl(ISSUER_ID).toString())));
        portalWithFake = TestPortal.start(TestPortal.config(data.resolve("fake"), oidc(fake.issuer())));
        TeamRepository teams = new TeamRepository(jdbc(portal), Clock.systemUTC());
        teams.ensure("payments", "Payments");
        teams.ensure("growth", "Growth");
    }

    @AfterAll
    static void stop() {
        portal.close();
        portalWithFake.close();
        fake.close();
        provider.shutdown();
    }

    @Test
    void signingInCreatesTheAccountWithAdminAndTeamRolesFromItsGroups() {
        provider.enqueueCallback(token("subject-jane", Map.of(
                "preferred_username", "Jane.Doe@example.com", "name", "Jane Doe", "email", "jane.doe@example.com",
                "groups", List.of("launchpad-admins", "launchpad-team-payments", "launchpad-team-growth",
                        "launchpad-lead-growth", "launchpad-team-unknown", "everyone"))));
        Browser browser = new Browser();

        String authorize = browser.startSignIn("/services?team=growth");
        assertThat(authorize).startsWith(provider.authorizationEndpointUrl(ISSUER_ID).toString())
                .contains("response_type=code", "client_id=" + CLIENT_ID, "scope=openid%20profile%20email",
                        "code_challenge_method=S256", "nonce=", "state=",
                        "redirect_uri=" + encode(portal.url() + "/auth/oidc/callback"));
        HttpResponse<String> signedIn = browser.get(browser.followProvider(authorize));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/services?team=growth");
        assertThat(browser.cookies).containsKey(CurrentUser.SESSION_COOKIE).doesNotContainKey(OidcSignIn.BROWSER_COOKIE);
        HttpResponse<String> services = browser.get(portal.url() + "/services");
        assertThat(services.statusCode()).isEqualTo(200);
        assertThat(services.body()).contains("Jane Doe");
        UserRepository.Account jane = users().findBySubject("subject-jane").orElseThrow();
        assertThat(jane.login()).isEqualTo("jane.doe");
        assertThat(jane.user().email()).isEqualTo("jane.doe@example.com");
        assertThat(jane.admin()).isTrue();
        assertThat(jane.passwordHash()).isNull();
        assertThat(users().memberships("jane.doe")).isEqualTo(Map.of("growth", TeamRole.LEAD, "payments", TeamRole.MEMBER));
        assertThat(audit("user:jane.doe")).contains("user.created from the identity provider: Jane Doe <jane.doe@example.com>",
                "role.changed admin: false → true", "role.changed team growth: none → lead",
                "role.changed team payments: none → member", "signin oidc");
    }

    @Test
    void everySignInReplacesRolesWithWhatTheGroupsSayNow() {
        Browser browser = new Browser();
        provider.enqueueCallback(token("subject-sam", Map.of("preferred_username", "sam",
                "groups", List.of("launchpad-admins", "launchpad-lead-growth"))));
        assertThat(browser.signIn()).isEqualTo(303);
        provider.enqueueCallback(token("subject-sam", Map.of("preferred_username", "sam",
                "groups", List.of("launchpad-team-payments"))));

        assertThat(browser.signIn()).isEqualTo(303);

        assertThat(users().find("sam").orElseThrow().admin()).isFalse();
        assertThat(users().memberships("sam")).isEqualTo(Map.of("payments", TeamRole.MEMBER));
        assertThat(audit("user:sam")).contains("role.changed admin: true → false", "role.changed team growth: lead → none",
                "role.changed team payments: none → member");
    }

    @Test
    void whatTheGroupsDecideCannotBeChangedInLaunchpadButTheAccountCanBeDisabled() throws Exception {
        provider.enqueueCallback(token("subject-ria", Map.of("preferred_username", "ria",
                "groups", List.of("launchpad-team-payments"))));
        assertThat(new Browser().signIn()).isEqualTo(303);

        HttpResponse<String> admin = asAdmin("PATCH", "/api/v1/users/ria", "{\"admin\": true}");
        assertThat(admin.statusCode()).isEqualTo(409);
        assertThat(admin.body()).contains("managed by the identity provider");
        assertThat(asAdmin("PUT", "/api/v1/teams/payments/members/ria", "{\"role\": \"lead\"}").statusCode()).isEqualTo(409);
        assertThat(asAdmin("DELETE", "/api/v1/teams/payments/members/ria", null).statusCode()).isEqualTo(409);
        assertThat(users().find("ria").orElseThrow().admin()).isFalse();
        assertThat(users().memberships("ria")).isEqualTo(Map.of("payments", TeamRole.MEMBER));

        assertThat(asAdmin("PATCH", "/api/v1/users/ria", "{\"disabled\": true}").statusCode()).isEqualTo(200);
        assertThat(users().find("ria").orElseThrow().disabled()).isTrue();
    }

    private static HttpResponse<String> asAdmin(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(portal.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestPortal.ADMIN_TOKEN).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aProviderAccountWhoseLoginBelongsToALocalAccountGetsANumberAdded() {
        provider.enqueueCallback(token("subject-other-admin", Map.of("preferred_username", "Admin")));
        Browser browser = new Browser();

        assertThat(browser.signIn()).isEqualTo(303);

        assertThat(users().findBySubject("subject-other-admin").orElseThrow().login()).isEqualTo("admin-2");
        UserRepository.Account local = users().find("admin").orElseThrow();
        assertThat(local.oidcSubject()).isNull();
        assertThat(local.passwordHash()).isNotNull();
    }

    @Test
    void aDisabledAccountStaysOutWhateverTheProviderSays() {
        provider.enqueueCallback(token("subject-gone", Map.of("preferred_username", "gone")));
        assertThat(new Browser().signIn()).isEqualTo(303);
        users().setDisabled("gone", true);
        provider.enqueueCallback(token("subject-gone", Map.of("preferred_username", "gone")));
        Browser browser = new Browser();

        HttpResponse<String> refused = browser.get(browser.followProvider(browser.startSignIn("/services")));

        assertRefused(refused, "this account is disabled in Launchpad");
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        provider.enqueueCallback(token("subject-late", -3600, Map.of("preferred_username", "late")));
        Browser browser = new Browser();
        String callback = browser.followProvider(browser.startSignIn("/services"));

        HttpResponse<String> refused = browser.get(callback);

        assertRefused(refused, "the ID token has expired");
        String code = query(URI.create(callback).getRawQuery()).get("code");
        assertThat(refused.body()).doesNotContain(code).doesNotContain(CLIENT_SECRET);
        assertThat(users().findBySubject("subject-late")).isEmpty();
        assertThat(audit("user:unknown")).anyMatch(entry -> entry.startsWith("signin.failed oidc: the ID token has expired"));
    }

    @Test
    void anIdTokenIssuedForAnotherApplicationIsRefused() {
        provider.enqueueCallback(token("subject-elsewhere", Map.of("aud", List.of("another-application"))));
        Browser browser = new Browser();

        HttpResponse<String> refused = browser.get(browser.followProvider(browser.startSignIn("/services")));

        assertRefused(refused, "the ID token was issued for another application");
        assertThat(users().findBySubject("subject-elsewhere")).isEmpty();
    }

    @Test
    void aCallbackSignsInOnceOnly() {
        provider.enqueueCallback(token("subject-once", Map.of("preferred_username", "once")));
        Browser browser = new Browser();
        String callback = browser.followProvider(browser.startSignIn("/services"));
        String oidcCookie = browser.cookies.get(OidcSignIn.BROWSER_COOKIE);
        assertThat(browser.get(callback).statusCode()).isEqualTo(303);
        browser.cookies.clear();
        browser.cookies.put(OidcSignIn.BROWSER_COOKIE, oidcCookie);

        HttpResponse<String> replayed = browser.get(callback);

        assertRefused(replayed, "this sign-in is unknown, already used or older than 10 minutes");
    }

    @Test
    void aCallbackWithAStateNobodyStartedIsRefused() {
        Browser browser = new Browser();
        browser.startSignIn("/services");

        HttpResponse<String> refused = browser.get(portal.url() + "/auth/oidc/callback?code=made-up&state=" + Secrets.random());

        assertRefused(refused, "this sign-in is unknown");
    }

    @Test
    void aCallbackOpenedInAnotherBrowserIsRefused() {
        Browser browser = new Browser();
        String callback = browser.followProvider(browser.startSignIn("/services"));

        HttpResponse<String> refused = new Browser().get(callback);

        assertRefused(refused, "this sign-in was started in another browser");
    }

    @Test
    void theProvidersRefusalIsShownOnTheSignInPage() {
        Browser browser = new Browser();
        String state = query(URI.create(browser.startSignIn("/services")).getRawQuery()).get("state");

        HttpResponse<String> refused = browser.get(portal.url() + "/auth/oidc/callback?error=access_denied&state=" + encode(state));

        assertRefused(refused, "the identity provider did not sign you in (access_denied)");
    }

    @Test
    void aProviderThatTakesTheSecretInTheFormGetsItWithThePkceVerifier() {
        fake.forge = false;
        fake.subject = "subject-fay";
        Browser browser = new Browser();

        HttpResponse<String> signedIn = browser.get(browser.followProvider(browser.startSignIn(portalWithFake, "/services")));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(fake.tokenRequest).containsEntry("grant_type", "authorization_code").containsEntry("code", "fake-code")
                .containsEntry("client_id", CLIENT_ID).containsEntry("client_secret", CLIENT_SECRET)
                .containsEntry("redirect_uri", portalWithFake.url() + "/auth/oidc/callback");
        assertThat(OidcSignIn.challenge(fake.tokenRequest.get("code_verifier"))).isEqualTo(fake.challenge);
        assertThat(fake.tokenAuthorization).isNull();
    }

    @Test
    void anIdTokenSignedWithAKeyTheProviderDidNotPublishIsRefused() {
        fake.forge = true;
        fake.subject = "subject-forged";
        Browser browser = new Browser();

        HttpResponse<String> refused = browser.get(browser.followProvider(browser.startSignIn(portalWithFake, "/services")));

        assertRefused(refused, "the ID token's signature does not match the identity provider's keys");
        assertThat(new UserRepository(jdbc(portalWithFake), Clock.systemUTC()).findBySubject("subject-forged")).isEmpty();
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Sign-in with company sign-in failed: " + reason);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(CurrentUser.SESSION_COOKIE + "="));
    }

    private static Map<String, String> oidc(String issuer) {
        return Map.of("LAUNCHPAD_OIDC_ISSUER", issuer, "LAUNCHPAD_OIDC_CLIENT_ID", CLIENT_ID,
                "LAUNCHPAD_OIDC_CLIENT_SECRET", CLIENT_SECRET);
    }

    /** What the mock provider puts in its next ID token (its audience is the client's unless the claims say "aud"). */
    private static DefaultOAuth2TokenCallback token(String subject, Map<String, Object> claims) {
        return token(subject, 3600, claims);
    }

    /** The same, expiring {@code expirySeconds} after it is issued: below zero, it has expired already. */
    private static DefaultOAuth2TokenCallback token(String subject, long expirySeconds, Map<String, Object> claims) {
        return new DefaultOAuth2TokenCallback(ISSUER_ID, subject, JOSEObjectType.JWT.getType(), List.of(CLIENT_ID), claims,
                expirySeconds);
    }

    private static Jdbc jdbc(TestPortal p) {
        return new Jdbc(p.launchpad().dataSource());
    }

    private static UserRepository users() {
        return new UserRepository(jdbc(portal), Clock.systemUTC());
    }

    /** The audit log about a subject as "action detail" lines, without the trailing ", from <address>" or "(why)". */
    private static List<String> audit(String subject) {
        return new AuditLog(jdbc(portal), Clock.systemUTC()).about(subject).stream()
                .map(e -> e.action() + " " + e.detail().replaceAll("(, from [^,]*| \\([^)]*\\))$", "")).toList();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A browser that follows no redirects by itself and keeps the cookies each portal sets. */
    private static final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();

        /** Asks the portal to start a sign-in; where it sends the browser (the provider's authorization endpoint). */
        String startSignIn(String next) {
            return startSignIn(portal, next);
        }

        String startSignIn(TestPortal at, String next) {
            HttpResponse<String> start = get(at.url() + "/auth/oidc/start?next=" + encode(next));
            assertThat(start.statusCode()).isEqualTo(302);
            assertThat(cookies).containsKey(OidcSignIn.BROWSER_COOKIE);
            return start.headers().firstValue("Location").orElseThrow();
        }

        /** A whole sign-in at the portal through the mock provider; the callback's status. */
        int signIn() {
            return get(followProvider(startSignIn("/services"))).statusCode();
        }

        /** Visits the provider, which signs the browser in at once; the callback it sends the browser to. */
        String followProvider(String authorize) {
            HttpResponse<String> answer = get(authorize);
            assertThat(answer.statusCode()).isEqualTo(302);
            String callback = answer.headers().firstValue("Location").orElseThrow();
            assertThat(callback).contains("/auth/oidc/callback?");
            return callback;
        }

        HttpResponse<String> get(String url) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (!cookies.isEmpty() && (url.startsWith(portal.url()) || url.startsWith(portalWithFake.url()))) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            try {
                HttpResponse<String> response = TestPortal.http().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
                for (String set : response.headers().allValues("Set-Cookie")) {
                    String pair = set.split(";", 2)[0];
                    String name = pair.substring(0, pair.indexOf('='));
                    if (set.contains("Max-Age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, pair.substring(pair.indexOf('=') + 1));
                    }
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A provider whose discovery document and published keys are right and which takes the client secret in
     * the form; with {@code forge} it signs its ID tokens with a key it never published (under the same key id).
     */
    private static final class FakeProvider implements AutoCloseable {
        final HttpServer server;
        final RSAKey published;
        final RSAKey forger;
        volatile boolean forge;
        volatile String subject;
        volatile String nonce;
        volatile String challenge;
        volatile Map<String, String> tokenRequest;
        volatile String tokenAuthorization;

        FakeProvider() throws Exception {
            published = new RSAKeyGenerator(2048).keyID("key-1").generate();
            forger = new RSAKeyGenerator(2048).keyID("key-1").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/.well-known/openid-configuration", ex -> respond(ex, 200, """
                    {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                     "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                     "id_token_signing_alg_values_supported": ["RS256"],
                     "token_endpoint_auth_methods_supported": ["client_secret_post"]}""".formatted(issuer())));
            server.createContext("/jwks", ex -> respond(ex, 200, new JWKSet(published.toPublicJWK()).toString()));
            server.createContext("/authorize", ex -> {
                Map<String, String> q = query(ex.getRequestURI().getRawQuery());
                nonce = q.get("nonce");
                challenge = q.get("code_challenge");
                ex.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=fake-code&state=" + encode(q.get("state")));
                respond(ex, 302, "");
            });
            server.createContext("/token", ex -> {
                tokenRequest = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                tokenAuthorization = ex.getRequestHeaders().getFirst("Authorization");
                respond(ex, 200, "{\"access_token\": \"fake-access\", \"token_type\": \"Bearer\", \"id_token\": \"" + idToken() + "\"}");
            });
            server.start();
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private String idToken() {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).audience(CLIENT_ID)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", nonce)
                    .claim("preferred_username", "fay").claim("name", "Fay Fake").build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("key-1").type(JOSEObjectType.JWT).build(), claims);
            try {
                jwt.sign(new RSASSASigner(forge ? forger : published));
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        private static void respond(HttpExchange ex, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (var out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
