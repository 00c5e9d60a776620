package dev.launchpad.portal.auth;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import dev.launchpad.portal.web.OpenApi;
import dev.launchpad.portal.web.Route;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the routes table, called by each kind of person, answers as the route's access rule says:
 * nobody, a member of another team, a member and a lead of the team the request is about, and an admin.
 * The team of every sample request is alpha. A route added to the routes table fails here until it has an entry
 * in {@link #ROUTES}: the rule it is meant to declare and a sample request, so that a rule changed by mistake shows.
 */
class RouteAccessTest {

    private static final String PASSWORD = "route-access-password";
    private static final String SERVICE = "alpha-orders";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}|<[^>/]+>");
    private static final String ANYONE = "anyone";
    private static final String SIGNED_IN = "signed in";
    private static final String BROWSER_SESSION = "browser session";
    private static final String SCAFFOLD = "publishing for one's team";
    private static final String MEMBER = "member of the team";
    private static final String MEMBER_ACTING = "member of the team, acting";
    private static final String LEAD = "lead of the team";
    private static final String ADMIN = "admin";

    enum Persona {
        ANONYMOUS(null, "anonymous"),
        OTHER_TEAM("member-beta", "a member of another team (member-beta)"),
        MEMBER("member-alpha", "a member of alpha (member-alpha)"),
        LEAD("lead-alpha", "a lead of alpha (lead-alpha)"),
        ADMIN("admin", "an admin");

        final String login;
        final String label;

        Persona(String login, String label) {
            this.login = login;
            this.label = label;
        }
    }

    enum Expect {
        ALLOWED("allowed (not 401, 403 or 5xx)"),
        SIGN_IN("asked to sign in (401, or 302 to /signin for a page)"),
        FORBIDDEN("forbidden (403)");

        final String label;

        Expect(String label) {
            this.label = label;
        }
    }

    /** How a persona calls: with nothing, an API token, or a browser session and its anti-forgery token. */
    sealed interface Caller {
        String label();
    }

    record Nobody() implements Caller {
        public String label() {
            return "without credentials";
        }
    }

    record Token(String secret) implements Caller {
        public String label() {
            return "with an API token";
        }
    }

    record Session(People.Session session) implements Caller {
        public String label() {
            return "with a browser session";
        }
    }

    /** A request body: its content type and a fresh text for each call (names that must be new stay new). */
    record Body(String contentType, Supplier<String> text) {
    }

    /** What the test expects of a route: the rule it declares, and a body when it is not a GET. */
    record Sample(String rule, Body body) {
    }

    /** What the account of a persona was before the checks, restored after every request in case one changed it. */
    record Saved(UserRepository.Account account, Map<String, TeamRole> teams) {
    }

    @TempDir
    static Path data;
    static TestPortal portal;
    static People people;
    static String runId;
    static final Map<Persona, Caller> tokens = new EnumMap<>(Persona.class);
    static final Map<Persona, Session> sessions = new EnumMap<>(Persona.class);
    /** A token of each persona for the account page to revoke, so that their own keeps working. */
    static final Map<Persona, String> spareTokens = new EnumMap<>(Persona.class);
    static final List<Saved> saved = new ArrayList<>();
    static final AtomicInteger fresh = new AtomicInteger();
    static final List<String> allowedButNotSuccessful = new ArrayList<>();

    /**
     * Every route, by method and path as in the routes table: the rule it is expected to declare, and the body
     * of a request to it (sent the same for each persona; fresh names where it creates something).
     */
    private static final Map<String, Sample> ROUTES = Map.ofEntries(
            entry("GET /", sample(ANYONE)),
            entry("GET /signin", sample(ANYONE)),
            entry("POST /signin", sample(ANYONE, form(() -> fields("login", "member-alpha", "password", PASSWORD,
                    "next", "/services")))),
            entry("POST /signout", sample(SIGNED_IN, form(() -> ""))),
            entry("GET /auth/oidc/start", sample(ANYONE)),
            entry("GET /auth/oidc/callback", sample(ANYONE)),
            entry("GET /account", sample(BROWSER_SESSION)),
            entry("POST /account/tokens", sample(BROWSER_SESSION, form(() -> fields("name", "token " + fresh.incrementAndGet(),
                    "scopes", "read", "expiresInDays", "7")))),
            entry("POST /account/tokens/{id}/revoke", sample(BROWSER_SESSION, form(() -> ""))),
            entry("GET /services", sample(SIGNED_IN)),
            entry("GET /services/{name}", sample(SIGNED_IN)),
            entry("GET /new", sample(SIGNED_IN)),
            entry("POST /new", sample(SCAFFOLD, form(() -> fields("name", "alpha-form-" + fresh.incrementAndGet(),
                    "team", "alpha", "description", "Made by the access checks", "region", "eu-west-1", "environments", "dev")))),
            entry("POST /new/zip", sample(SIGNED_IN, form(() -> fields("name", "alpha-zip", "team", "alpha",
                    "description", "Zipped", "region", "eu-west-1", "environments", "dev")))),
            entry("GET /runs/{id}", sample(MEMBER)),
            entry("POST /runs/{id}/retry", sample(MEMBER_ACTING, form(() -> ""))),
            entry("POST /new/estimate", sample(SIGNED_IN, form(() -> fields("region", "eu-west-1", "environments", "dev")))),
            entry("GET /cost", sample(ADMIN)),
            entry("GET /cost/teams/{team}", sample(LEAD)),
            entry("GET /cost/services/{name}", sample(LEAD)),
            entry("GET /health", sample(SIGNED_IN)),
            entry("GET /teams/{team}/health", sample(MEMBER)),
            entry("GET /services/{name}/health", sample(MEMBER)),
            entry("GET /admin", sample(ADMIN)),
            entry("POST /admin/users", sample(ADMIN, form(() -> fields("login", "added-" + fresh.incrementAndGet(),
                    "displayName", "Added", "email", "added@example.com", "password", "added-password-0123")))),
            entry("POST /admin/users/{login}", sample(ADMIN, form(() -> fields("admin", "false", "disabled", "false")))),
            entry("POST /admin/teams", sample(ADMIN, form(() -> fields("id", "extra-" + fresh.incrementAndGet(),
                    "displayName", "Extra")))),
            entry("POST /admin/memberships", sample(ADMIN, form(() -> fields("login", "member-alpha", "team", "alpha",
                    "role", "member")))),
            entry("GET /admin/audit", sample(ADMIN)),
            entry("GET /api/docs", sample(ANYONE)),
            entry("GET /assets/<path>", sample(ANYONE)),
            entry("GET /webjars/<path>", sample(ANYONE)),
            entry("GET /api/v1", sample(ANYONE)),
            entry("GET /api/v1/openapi.json", sample(ANYONE)),
            entry("GET /api/v1/me", sample(SIGNED_IN)),
            entry("GET /api/v1/blueprint", sample(SIGNED_IN)),
            entry("POST /api/v1/projects/preview", sample(SIGNED_IN, json(() -> alphaSpec("alpha-preview")))),
            entry("POST /api/v1/projects/zip", sample(SIGNED_IN, json(() -> alphaSpec("alpha-zip")))),
            entry("POST /api/v1/projects/estimate", sample(SIGNED_IN, json(() -> "{\"spec\": " + alphaSpec("alpha-estimate") + "}"))),
            entry("POST /api/v1/services", sample(SCAFFOLD, json(() -> alphaSpec("alpha-api-" + fresh.incrementAndGet())))),
            entry("GET /api/v1/services", sample(SIGNED_IN)),
            entry("GET /api/v1/services/{name}", sample(SIGNED_IN)),
            entry("GET /api/v1/services/{name}/cost", sample(LEAD)),
            entry("GET /api/v1/teams/{team}/cost", sample(LEAD)),
            entry("GET /api/v1/health", sample(SIGNED_IN)),
            entry("GET /api/v1/teams/{team}/health", sample(MEMBER)),
            entry("GET /api/v1/services/{name}/health", sample(MEMBER)),
            entry("GET /api/v1/services/{name}/metrics", sample(MEMBER)),
            entry("GET /api/v1/runs/{id}", sample(MEMBER)),
            entry("GET /api/v1/runs/{id}/events", sample(MEMBER)),
            entry("POST /api/v1/runs/{id}/retry", sample(MEMBER_ACTING, json(() -> ""))),
            entry("GET /api/v1/teams", sample(SIGNED_IN)),
            entry("POST /api/v1/teams", sample(ADMIN, json(() -> "{\"id\": \"extra-" + fresh.incrementAndGet()
                    + "\", \"displayName\": \"Extra\"}"))),
            entry("GET /api/v1/teams/{team}", sample(SIGNED_IN)),
            entry("PUT /api/v1/teams/{team}/members/{login}", sample(ADMIN, json(() -> "{\"role\": \"member\"}"))),
            entry("DELETE /api/v1/teams/{team}/members/{login}", sample(ADMIN, new Body(null, () -> ""))),
            entry("GET /api/v1/users", sample(ADMIN)),
            entry("GET /api/v1/users/{login}", sample(ADMIN)),
            entry("POST /api/v1/users", sample(ADMIN, json(() -> "{\"login\": \"added-" + fresh.incrementAndGet()
                    + "\", \"displayName\": \"Added\", \"email\": \"added@example.com\", \"password\": \"added-password-0123\"}"))),
            entry("PATCH /api/v1/users/{login}", sample(ADMIN, json(() -> "{\"disabled\": false}"))),
            entry("GET /api/v1/audit", sample(ADMIN)));

    @BeforeAll
    static void start() throws Exception {
        portal = TestPortal.start(data);
        people = new People(portal).team("alpha").team("beta")
                .person("member-alpha", PASSWORD, Map.of("alpha", TeamRole.MEMBER))
                .person("lead-alpha", PASSWORD, Map.of("alpha", TeamRole.LEAD))
                .person("member-beta", PASSWORD, Map.of("beta", TeamRole.MEMBER));
        tokens.put(Persona.ANONYMOUS, new Nobody());
        for (Persona p : Persona.values()) {
            if (p.login == null) {
                continue;
            }
            tokens.put(p, new Token(people.token(p.login).secret()));
            spareTokens.put(p, people.token(p.login).token().id());
            sessions.put(p, new Session(people.signIn(p.login, p == Persona.ADMIN ? TestPortal.ADMIN_PASSWORD : PASSWORD)));
            saved.add(new Saved(people.users().find(p.login).orElseThrow(), people.users().memberships(p.login)));
        }
        HttpResponse<String> published = portal.postJson("/api/v1/services", alphaSpec(SERVICE));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        runId = JSON.readTree(published.body()).get("runId").asText();
    }

    @AfterAll
    static void stop() {
        if (!allowedButNotSuccessful.isEmpty()) {
            System.out.println("Allowed, answered by the handler with neither 2xx nor 3xx:\n  "
                    + String.join("\n  ", allowedButNotSuccessful));
        }
        if (portal != null) {
            portal.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRouteAnswersEachPersonAsItsRuleSays() {
        List<Route> routes = portal.launchpad().routes();
        AtomicInteger checked = new AtomicInteger();
        Stream<DynamicTest> perRoute = routes.stream().map(route -> DynamicTest.dynamicTest(
                route.method() + " " + route.path() + " (" + rule(route.access()) + ")", () -> {
                    checked.incrementAndGet();
                    check(route);
                }));
        DynamicTest covered = DynamicTest.dynamicTest("every route of the table was checked", () -> {
            assertThat(routes).hasSizeGreaterThan(50);
            assertThat(checked.get()).as("routes checked out of the %d in the table", routes.size()).isEqualTo(routes.size());
            assertThat(routes.stream().map(r -> r.method() + " " + r.path()).toList())
                    .as("the routes table, against RouteAccessTest.ROUTES (remove entries of routes that are gone)")
                    .containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
        });
        return Stream.concat(perRoute, Stream.of(covered));
    }

    private static void check(Route route) {
        String key = route.method() + " " + route.path();
        Sample sample = ROUTES.get(key);
        if (sample == null) {
            fail(key + " is new to RouteAccessTest: add it to RouteAccessTest.ROUTES with the rule it should declare ("
                    + rule(route.access()) + " now) and a sample request body if it is not a GET");
        }
        assertThat(rule(route.access()))
                .as(key + " declares another rule than RouteAccessTest.ROUTES expects; if the change is meant, change it there too")
                .isEqualTo(sample.rule());
        Body body = sample.body();
        if (route.method() != HandlerType.GET && body == null) {
            fail(key + " has no sample request body: add one to its entry in RouteAccessTest.ROUTES");
        }
        List<String> failures = new ArrayList<>();
        for (Persona persona : Persona.values()) {
            List<Caller> callers = new ArrayList<>(List.of(tokens.get(persona)));
            if (route.access() instanceof Access.BrowserSession && persona != Persona.ANONYMOUS) {
                callers.add(sessions.get(persona));
            }
            for (Caller caller : callers) {
                String path = concretePath(route, persona);
                Expect expected = expected(route.access(), persona, caller);
                HttpResponse<String> response = send(route.method(), path, caller, body);
                restorePersonas();
                String problem = mismatch(route, expected, response);
                if (problem != null) {
                    failures.add(route.method() + " " + path + " (route " + route.path() + ", rule " + rule(route.access())
                            + ") as " + persona.label + " " + caller.label() + ": expected " + expected.label
                            + ", got " + problem);
                } else if (expected == Expect.ALLOWED && response.statusCode() >= 400) {
                    allowedButNotSuccessful.add(route.method() + " " + path + " as " + persona.label + " "
                            + caller.label() + ": " + response.statusCode());
                }
            }
        }
        assertThat(failures).as(key).isEmpty();
    }

    /** What the rule says should happen to this persona calling this way, for a request about team alpha. */
    static Expect expected(Access access, Persona persona, Caller caller) {
        if (access instanceof Access.Anyone) {
            return Expect.ALLOWED;
        }
        if (persona == Persona.ANONYMOUS) {
            return Expect.SIGN_IN;
        }
        boolean ofAlpha = persona == Persona.MEMBER || persona == Persona.LEAD || persona == Persona.ADMIN;
        return switch (access) {
            case Access.Anyone ignored -> Expect.ALLOWED;
            case Access.SignedIn ignored -> Expect.ALLOWED;
            case Access.BrowserSession ignored -> caller instanceof Token ? Expect.FORBIDDEN : Expect.ALLOWED;
            case Access.Scaffold ignored -> ofAlpha ? Expect.ALLOWED : Expect.FORBIDDEN;
            case Access.Team team -> team.leadOnly()
                    ? (persona == Persona.LEAD || persona == Persona.ADMIN ? Expect.ALLOWED : Expect.FORBIDDEN)
                    : (ofAlpha ? Expect.ALLOWED : Expect.FORBIDDEN);
            case Access.Admin ignored -> persona == Persona.ADMIN ? Expect.ALLOWED : Expect.FORBIDDEN;
        };
    }

    /** Null when the response is what was expected, else what it was instead. */
    private static String mismatch(Route route, Expect expected, HttpResponse<String> response) {
        int status = response.statusCode();
        boolean ok = switch (expected) {
            case ALLOWED -> status != 401 && status != 403 && status < 500;
            case FORBIDDEN -> status == 403;
            case SIGN_IN -> route.method() == HandlerType.GET && !route.api()
                    ? status == 302 && response.headers().firstValue("Location").orElse("").startsWith("/signin?next=")
                    : status == 401;
        };
        if (ok) {
            return null;
        }
        String location = response.headers().firstValue("Location").map(l -> " to " + l).orElse("");
        String text = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
        return status + location + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(200, text.length())));
    }

    /** The route's path with a sample for each parameter; fails for a parameter without one. */
    private static String concretePath(Route route, Persona persona) {
        Matcher m = PARAMETER.matcher(route.path());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = sample(m.group(), route, persona);
            if (value == null) {
                fail(route.method() + " " + route.path() + " has a path parameter " + m.group() + " without a sample value:"
                        + " add one to RouteAccessTest.sample, and check that the route's access rule in Routes is the one"
                        + " you mean");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A value for a path parameter that names something of team alpha (or the persona's own token). */
    private static String sample(String parameter, Route route, Persona persona) {
        return switch (parameter) {
            case "{name}" -> SERVICE;
            case "{team}" -> "alpha";
            case "{id}" -> route.path().startsWith("/account/tokens/")
                    ? spareTokens.getOrDefault(persona, "00000000-0000-0000-0000-000000000000")
                    : runId;
            case "{login}" -> "member-alpha";
            case "<path>" -> switch (route.path()) {
                case "/assets/<path>" -> "app.css";
                case "/webjars/<path>" -> "swagger-ui/" + OpenApi.SWAGGER_UI_VERSION + "/swagger-ui.css";
                default -> null;
            };
            default -> null;
        };
    }

    private static HttpResponse<String> send(HandlerType method, String path, Caller caller, Body body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(portal.url() + path)).timeout(Duration.ofSeconds(60));
        String text = body == null ? null : body.text().get();
        if (body != null && body.contentType() != null) {
            b.header("Content-Type", body.contentType());
        }
        b.method(method.name(), text == null || text.isEmpty() && body.contentType() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        switch (caller) {
            case Nobody ignored -> {
            }
            case Token token -> b.header("Authorization", "Bearer " + token.secret());
            case Session session -> {
                b.header("Cookie", session.session().cookie());
                if (method != HandlerType.GET) {
                    b.header(Guard.CSRF_HEADER, session.session().csrf());
                }
            }
        }
        try {
            return TestPortal.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Puts back the personas' roles and passwords, in case an admin request that was allowed changed them. */
    private static void restorePersonas() {
        for (Saved s : saved) {
            people.jdbc().update("update users set password_hash = ?, is_admin = ?, disabled = ? where login = ?",
                    s.account().passwordHash(), s.account().admin(), false, s.account().login());
            people.users().replaceMemberships(s.account().login(), s.teams());
        }
    }

    /** The rule as ROUTES names it; a scope other than the one the rule's factory in {@link Access} gives is spelled out. */
    private static String rule(Access access) {
        return switch (access) {
            case Access.Anyone ignored -> ANYONE;
            case Access.SignedIn s -> s.scope() == Scope.READ ? SIGNED_IN : SIGNED_IN + ", scope " + s.scope().id();
            case Access.BrowserSession ignored -> BROWSER_SESSION;
            case Access.Scaffold ignored -> SCAFFOLD;
            case Access.Team t when t.leadOnly() -> t.scope() == Scope.READ ? LEAD : LEAD + ", scope " + t.scope().id();
            case Access.Team t -> switch (t.scope()) {
                case READ -> MEMBER;
                case SCAFFOLD -> MEMBER_ACTING;
                case ADMIN -> MEMBER + ", scope admin";
            };
            case Access.Admin ignored -> ADMIN;
        };
    }

    private static Sample sample(String rule) {
        return new Sample(rule, null);
    }

    private static Sample sample(String rule, Body body) {
        return new Sample(rule, body);
    }

    static String alphaSpec(String name) {
        return Specs.minimal(name).replace("\"team\": \"payments\"", "\"team\": \"alpha\"");
    }

    private static Body form(Supplier<String> text) {
        return new Body(FORM, text);
    }

    private static Body json(Supplier<String> text) {
        return new Body(JSON_TYPE, text);
    }

    private static String fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        StringBuilder out = new StringBuilder();
        map.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
