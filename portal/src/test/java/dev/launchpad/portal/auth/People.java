package dev.launchpad.portal.auth;

import dev.launchpad.portal.TestPortal;
import dev.launchpad.portal.catalog.TeamRepository;
import dev.launchpad.portal.db.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Teams, accounts and API tokens made straight in a test portal's database, so that tests about access do
 * not depend on the admin pages and API they may be checking.
 */
final class People {

    /** A browser session: the cookie, and the anti-forgery token its pages carry for forms and scripts. */
    record Session(String cookie, String csrf) {
    }

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private final TestPortal portal;
    private final UserRepository users;
    private final TeamRepository teams;
    private final ApiTokens tokens;
    private final Jdbc jdbc;

    People(TestPortal portal) {
        this.portal = portal;
        this.jdbc = new Jdbc(portal.launchpad().dataSource());
        this.users = new UserRepository(jdbc, Clock.systemUTC());
        this.teams = new TeamRepository(jdbc, Clock.systemUTC());
        this.tokens = new ApiTokens(jdbc, Clock.systemUTC());
    }

    People team(String id) {
        teams.ensure(id, id.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + id.substring(1));
        return this;
    }

    /** A local account with {@code password}, in each team with the role given. */
    People person(String login, String password, Map<String, TeamRole> roles) {
        users.createLocal(new User(login, displayName(login), login + "@example.com"), Passwords.standard().hash(password), false);
        roles.forEach((team, role) -> users.setMembership(login, team, role));
        return this;
    }

    /** A fresh API token of the account with every scope its roles allow. */
    ApiTokens.Created token(String login) {
        boolean admin = users.find(login).orElseThrow().admin();
        Set<Scope> scopes = admin ? Scope.all() : EnumSet.of(Scope.READ, Scope.SCAFFOLD);
        return tokens.create(login, "test token", scopes, Instant.now().plus(Duration.ofDays(1)));
    }

    /** Signs in with the sign-in form, as a browser would, and reads the anti-forgery token from a page. */
    Session signIn(String login, String password) {
        String form = "login=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&next=%2Fservices";
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(portal.url() + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (signedIn.statusCode() != 303) {
            throw new AssertionError("signing in as " + login + " answered " + signedIn.statusCode() + ": " + signedIn.body());
        }
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(CurrentUser.SESSION_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie after signing in as " + login));
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(portal.url() + "/services")).header("Cookie", cookie));
        Matcher csrf = CSRF_META.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("the catalog page of " + login + " carries no anti-forgery token: " + page.body());
        }
        return new Session(cookie, csrf.group(1));
    }

    UserRepository users() {
        return users;
    }

    Jdbc jdbc() {
        return jdbc;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return TestPortal.http().send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String displayName(String login) {
        String spaced = login.replace('-', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
