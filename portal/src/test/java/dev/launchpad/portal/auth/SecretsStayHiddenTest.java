package dev.launchpad.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.TestPortal;
import dev.launchpad.portal.web.OpenApi;
import dev.launchpad.portal.web.Route;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The portal's secrets (the bootstrap token and admin password, API token secrets, the identity provider's client
 * secret and the Git server's password) appear in no page or API response an admin can fetch, and in nothing
 * the portal writes to standard output or its log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsStayHiddenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OIDC_SECRET = "oidc-client-secret-" + UUID.randomUUID();
    private static final String GIT_PASSWORD = "git-password-" + UUID.randomUUID();
    private static final String LOG_PROBE = "log capture probe " + UUID.randomUUID();
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}|<[^>/]+>");

    @TempDir
    static Path data;
    static TestPortal portal;
    static People people;
    static final ByteArrayOutputStream log = new ByteArrayOutputStream();
    static PrintStream originalOut;
    static PrintStream originalErr;
    static String createdSecret;
    static People.Session adminSession;
    static String failedRun;
    /** Every response fetched: what was asked, and the status line, headers and body that came back. */
    static final Map<String, String> responses = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr), true, StandardCharsets.UTF_8));
        portal = TestPortal.start(TestPortal.config(data, Map.of(
                "LAUNCHPAD_OIDC_ISSUER", "http://127.0.0.1:1/realms/nowhere",
                "LAUNCHPAD_OIDC_CLIENT_ID", "launchpad-portal",
                "LAUNCHPAD_OIDC_CLIENT_SECRET", OIDC_SECRET,
                // nothing listens there: the publish below fails its push, with the remote's error in its run
                "LAUNCHPAD_GIT_REMOTE_URL_TEMPLATE", "http://127.0.0.1:1/{team}/{service}.git",
                "LAUNCHPAD_GIT_USERNAME", "launchpad-bot",
                "LAUNCHPAD_GIT_PASSWORD", GIT_PASSWORD)));
        people = new People(portal).team("alpha").person("member-alpha", "member-password-0123", Map.of("alpha", TeamRole.MEMBER));
        LoggerFactory.getLogger(SecretsStayHiddenTest.class).info(LOG_PROBE);
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    @Order(1)
    void noPageOrApiResponseShowsASecret() throws Exception {
        // sign-ins with the admin password, a wrong one, and through the identity provider
        HttpResponse<String> wrong = post("/signin", null, form("login", "admin", "password", TestPortal.ADMIN_PASSWORD + "x",
                "next", "/services"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        record("POST /signin with a wrong password", wrong);
        adminSession = people.signIn("admin", TestPortal.ADMIN_PASSWORD);

        // a token made on the account page: its secret is on that response only
        HttpResponse<String> created = post("/account/tokens", adminSession, form("name", "pipeline", "scopes", "read",
                "expiresInDays", "30"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher secret = Pattern.compile(Pattern.quote(ApiTokens.PREFIX) + "[A-Za-z0-9_-]{20,}").matcher(created.body());
        assertThat(secret.find()).as("the account page shows the new token once").isTrue();
        createdSecret = secret.group();
        assertThat(created.body()).doesNotContain(TestPortal.ADMIN_TOKEN, TestPortal.ADMIN_PASSWORD, OIDC_SECRET, GIT_PASSWORD);
        HttpResponse<String> me = get("/api/v1/me", null, createdSecret);
        assertThat(me.statusCode()).isEqualTo(200);
        record("GET /api/v1/me with the new token", me);

        // a publish whose push fails: its error, its run and its events are pages and API responses too
        HttpResponse<String> publish = portal.postJson("/api/v1/services",
                "{\"name\": \"alpha-orders\", \"team\": \"alpha\", \"description\": \"Takes orders\"}");
        assertThat(publish.statusCode()).as(publish.body()).isEqualTo(502);
        record("POST /api/v1/services with an unreachable remote", publish);
        failedRun = JSON.readTree(publish.body()).get("runId").asText();

        for (Route route : portal.launchpad().routes()) {
            if (route.method() != HandlerType.GET) {
                continue;
            }
            String path = concretePath(route.path());
            record("GET " + path + " with the bootstrap token", get(path, null, TestPortal.ADMIN_TOKEN));
            record("GET " + path + " in the admin's browser session", get(path, adminSession, null));
            record("GET " + path + " anonymously", get(path, null, null));
        }
        assertThat(responses).hasSizeGreaterThan(60);

        List<String> leaks = new ArrayList<>();
        responses.forEach((request, response) -> secrets().forEach((name, value) -> {
            if (response.contains(value)) {
                leaks.add(request + " shows " + name);
            }
        }));
        assertThat(leaks).isEmpty();
    }

    @Test
    @Order(2)
    void theLogAndStandardOutputShowNoSecret() {
        String written = log.toString(StandardCharsets.UTF_8);
        assertThat(written).as("what the portal wrote is captured").contains(LOG_PROBE);
        secrets().forEach((name, value) -> assertThat(written).as("the log shows " + name).doesNotContain(value));
    }

    private static Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the bootstrap token", TestPortal.ADMIN_TOKEN);
        secrets.put("the admin's password", TestPortal.ADMIN_PASSWORD);
        secrets.put("the OpenID Connect client secret", OIDC_SECRET);
        secrets.put("the Git password", GIT_PASSWORD);
        if (createdSecret != null) {
            secrets.put("the created API token's secret", createdSecret);
        }
        return secrets;
    }

    /** Samples for path parameters: things that may or may not exist, since nothing is published here. */
    private static String concretePath(String path) {
        Matcher m = PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group()) {
                case "{team}" -> "alpha";
                case "{login}" -> "admin";
                case "{id}" -> failedRun;
                case "<path>" -> path.startsWith("/webjars/") ? "swagger-ui/" + OpenApi.SWAGGER_UI_VERSION + "/swagger-ui.css"
                        : "app.css";
                default -> "alpha-orders";
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void record(String request, HttpResponse<String> response) {
        StringBuilder text = new StringBuilder().append(response.statusCode()).append('\n');
        response.headers().map().forEach((name, values) -> text.append(name).append(": ").append(values).append('\n'));
        responses.put(request, text.append(response.body()).toString());
    }

    private static HttpResponse<String> get(String path, People.Session session, String token) {
        return send(request(path, session, token).GET());
    }

    private static HttpResponse<String> post(String path, People.Session session, String form) {
        HttpRequest.Builder b = request(path, session, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            b.header(Guard.CSRF_HEADER, session.csrf());
        }
        return send(b);
    }

    private static HttpRequest.Builder request(String path, People.Session session, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(portal.url() + path)).timeout(Duration.ofSeconds(30));
        if (session != null) {
            b.header("Cookie", session.cookie());
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return TestPortal.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** Passes what is written on to the original stream and keeps a copy for the test. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;

        Tee(OutputStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) throws IOException {
            original.write(b);
            synchronized (log) {
                log.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            original.write(b, off, len);
            synchronized (log) {
                log.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }
}
