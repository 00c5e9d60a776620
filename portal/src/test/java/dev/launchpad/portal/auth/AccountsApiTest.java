package dev.launchpad.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String PASSWORD = "accounts-test-password";
    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    /** A browser signed in: its session cookie and the anti-forgery token its forms carry. */
    record Session(String cookie, String csrf) {
    }

    @TempDir
    static Path data;
    static TestPortal portal;

    @BeforeAll
    static void start() {
        portal = TestPortal.start(data);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @Test
    void anAdminAddsATeamAPersonAndTheirRoleThroughTheApi() throws Exception {
        HttpResponse<String> team = portal.postJson("/api/v1/teams", "{\"id\": \"orders\", \"displayName\": \"Orders\"}");
        assertThat(team.statusCode()).as(team.body()).isEqualTo(201);
        assertThat(team.headers().firstValue("Location")).hasValue("/api/v1/teams/orders");

        HttpResponse<String> user = portal.postJson("/api/v1/users",
                "{\"login\": \"jane.doe\", \"displayName\": \"Jane Doe\", \"email\": \"jane@example.com\"}");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(user.body());
        assertThat(created.get("login").asText()).isEqualTo("jane.doe");
        assertThat(created.get("admin").asBoolean()).isFalse();
        String generated = created.get("password").asText();
        assertThat(generated).hasSize(20);

        HttpResponse<String> role = put("/api/v1/teams/orders/members/jane.doe", "{\"role\": \"lead\"}");
        assertThat(role.statusCode()).as(role.body()).isEqualTo(200);
        assertThat(JSON.readTree(role.body()).get("previousRole").asText()).isEqualTo("none");
        assertThat(JSON.readTree(role.body()).get("role").asText()).isEqualTo("lead");

        JsonNode teams = JSON.readTree(portal.get("/api/v1/teams").body()).get("teams");
        assertThat(teams.toString()).contains("{\"id\":\"orders\",\"displayName\":\"Orders\",\"members\":[{\"login\":\"jane.doe\",\"role\":\"lead\"}]}");
        assertThat(JSON.readTree(portal.get("/api/v1/users").body()).get("users").toString())
                .contains("\"login\":\"jane.doe\"", "\"teams\":[{\"team\":\"orders\",\"role\":\"lead\"}]");

        Session jane = signIn("jane.doe", generated);
        JsonNode me = JSON.readTree(portal.anonymous().get("/api/v1/me", "Cookie", jane.cookie()).body());
        assertThat(me.get("via").asText()).isEqualTo("session");
        assertThat(me.get("teams").toString()).isEqualTo("[{\"team\":\"orders\",\"role\":\"lead\"}]");
        assertThat(me.get("scopes").toString()).isEqualTo("[\"read\",\"scaffold\"]");
        assertThat(portal.anonymous().get("/api/v1/teams", "Cookie", jane.cookie()).body())
                .contains("\"id\":\"orders\"").doesNotContain("members");

        assertThat(delete("/api/v1/teams/orders/members/jane.doe").statusCode()).isEqualTo(204);
        assertThat(delete("/api/v1/teams/orders/members/jane.doe").statusCode()).isEqualTo(404);

        assertThat(audit("team.created")).contains("team:orders by admin: Orders");
        assertThat(audit("user.created")).anyMatch(e -> e.startsWith("user:jane.doe by admin: local account Jane Doe"));
        assertThat(audit("role.changed")).contains("user:jane.doe by admin: team orders: none → lead",
                "user:jane.doe by admin: team orders: lead → none");
        assertThat(String.join("\n", audit(""))).doesNotContain(generated);
    }

    @Test
    void invalidRequestsNameEachFieldThatIsWrong() throws Exception {
        HttpResponse<String> user = portal.postJson("/api/v1/users",
                "{\"login\": \"Bad Login\", \"displayName\": \"\", \"email\": \"nobody\", \"password\": \"short\"}");
        assertThat(user.statusCode()).isEqualTo(400);
        assertThat(fields(user)).containsExactly("login", "displayName", "email", "password");
        assertThat(JSON.readTree(user.body()).get("type").asText()).isEqualTo("urn:launchpad:problem:invalid-request");

        HttpResponse<String> unknown = portal.postJson("/api/v1/teams", "{\"id\": \"web\", \"displayName\": \"Web\", \"owner\": \"x\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("owner");

        HttpResponse<String> malformed = portal.postJson("/api/v1/teams", "{\"id\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("type").asText()).isEqualTo("urn:launchpad:problem:malformed-json");

        HttpResponse<String> team = portal.postJson("/api/v1/teams", "{\"id\": \"Web_Team\", \"displayName\": 7}");
        assertThat(team.statusCode()).isEqualTo(400);
        assertThat(fields(team)).containsExactly("displayName");
        assertThat(fields(portal.postJson("/api/v1/teams", "{\"id\": \"Web_Team\", \"displayName\": \"Web\"}"))).containsExactly("id");

        portal.postJson("/api/v1/teams", "{\"id\": \"checks\", \"displayName\": \"Checks\"}");
        assertThat(fields(put("/api/v1/teams/checks/members/admin", "{\"role\": \"owner\"}"))).containsExactly("role");
        HttpResponse<String> nobody = put("/api/v1/teams/checks/members/nobody", "{\"role\": \"member\"}");
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(fields(nobody)).containsExactly("login");
        assertThat(fields(patch("/api/v1/users/admin", "{\"admin\": \"yes\"}"))).containsExactly("admin");
        assertThat(fields(portal.get("/api/v1/audit?limit=0"))).containsExactly("limit");

        HttpResponse<String> taken = portal.postJson("/api/v1/teams", "{\"id\": \"checks\", \"displayName\": \"Again\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(fields(taken)).containsExactly("id");
    }

    @Test
    void anAdminCannotRemoveTheirOwnAdminFlagSoTheLastAdminStays() throws Exception {
        HttpResponse<String> demote = patch("/api/v1/users/admin", "{\"admin\": false}");
        assertThat(demote.statusCode()).as(demote.body()).isEqualTo(409);
        assertThat(fields(demote)).containsExactly("admin");
        assertThat(patch("/api/v1/users/admin", "{\"disabled\": true}").statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(portal.get("/api/v1/me").body()).get("admin").asBoolean()).isTrue();

        createUser("second-admin", true);
        HttpResponse<String> other = patch("/api/v1/users/second-admin", "{\"admin\": false}");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        assertThat(JSON.readTree(other.body()).get("admin").asBoolean()).isFalse();
        assertThat(audit("user.updated")).contains("user:second-admin by admin: admin: true → false");
    }

    @Test
    void disablingSomeoneEndsTheirSessionsAndTheirTokensStopWorking() throws Exception {
        createUser("leaver", false);
        Session session = signIn("leaver", PASSWORD);
        String token = createToken(session, "read").secret();
        assertThat(portal.as(token).get("/api/v1/me").statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = patch("/api/v1/users/leaver", "{\"disabled\": true}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(JSON.readTree(disabled.body()).get("disabled").asBoolean()).isTrue();

        assertThat(portal.as(token).get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(portal.anonymous().get("/api/v1/me", "Cookie", session.cookie()).statusCode()).isEqualTo(401);
        assertThat(portal.anonymous().post("/signin", FORM, form("login", "leaver", "password", PASSWORD, "next", "/services"))
                .statusCode()).isEqualTo(401);

        assertThat(patch("/api/v1/users/leaver", "{\"disabled\": false}").statusCode()).isEqualTo(200);
        assertThat(portal.as(token).get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(portal.anonymous().get("/api/v1/me", "Cookie", session.cookie()).statusCode())
                .as("the session ended for good").isEqualTo(401);
        assertThat(audit("user.updated")).contains("user:leaver by admin: disabled: false → true",
                "user:leaver by admin: disabled: true → false");
    }

    @Test
    void aTokenFromTheAccountPageIsShownOnceWorksWithinItsScopesAndStopsWhenRevoked() throws Exception {
        createUser("reader", false);
        Session session = signIn("reader", PASSWORD);

        NewToken token = createToken(session, "read");
        assertThat(token.page()).contains("curl -H \"Authorization: Bearer " + token.secret() + "\" " + portal.url() + "/api/v1/me",
                "git -c http.extraHeader=\"Authorization: Bearer " + token.secret() + "\" clone " + portal.url() + "/git/");
        JsonNode me = JSON.readTree(portal.as(token.secret()).get("/api/v1/me").body());
        assertThat(me.get("login").asText()).isEqualTo("reader");
        assertThat(me.get("via").asText()).isEqualTo("token");
        assertThat(me.get("scopes").toString()).isEqualTo("[\"read\"]");
        HttpResponse<String> publish = portal.as(token.secret()).postJson("/api/v1/services", Specs.minimal("read-only"));
        assertThat(publish.statusCode()).as(publish.body()).isEqualTo(403);

        String account = portal.anonymous().get("/account", "Cookie", session.cookie()).body();
        assertThat(account).doesNotContain(token.secret()).contains("CI for reader");
        Matcher revoke = Pattern.compile("action=\"/account/tokens/([^/\"]+)/revoke\"").matcher(account);
        assertThat(revoke.find()).isTrue();
        HttpResponse<String> revoked = portal.anonymous().post("/account/tokens/" + revoke.group(1) + "/revoke", FORM,
                form("_csrf", session.csrf()), "Cookie", session.cookie());
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location")).hasValue("/account");
        assertThat(portal.as(token.secret()).get("/api/v1/me").statusCode()).isEqualTo(401);

        assertThat(audit("token.")).contains("user:reader by reader: \"CI for reader\", scopes read");
        assertThat(audit("token.created")).anyMatch(e -> e.startsWith("user:reader by reader: \"CI for reader\", scopes read, expires "));
        assertThat(String.join("\n", audit("token."))).doesNotContain(token.secret());
    }

    @Test
    void aTokenFormWithProblemsComesBackNamingEachField() {
        createUser("careless", false);
        Session session = signIn("careless", PASSWORD);

        HttpResponse<String> page = portal.anonymous().post("/account/tokens", FORM,
                form("_csrf", session.csrf(), "name", "", "scopes", "admin", "expiresInDays", "999"), "Cookie", session.cookie());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Name must be 1 to 100 characters", "Scopes may include admin only for admins",
                "Expiry must be a whole number of days from 1 to 365").doesNotContain("new-token-secret");
    }

    @Test
    void someoneCannotRevokeAnotherPersonsToken() {
        createUser("owner", false);
        createUser("other", false);
        Session owner = signIn("owner", PASSWORD);
        String secret = createToken(owner, "read").secret();
        String id = new People(portal).jdbc().one("select id from api_tokens where user_login = ?", rs -> rs.getString(1), "owner")
                .orElseThrow();

        Session other = signIn("other", PASSWORD);
        HttpResponse<String> response = portal.anonymous().post("/account/tokens/" + id + "/revoke", FORM,
                form("_csrf", other.csrf()), "Cookie", other.cookie());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(portal.as(secret).get("/api/v1/me").statusCode()).as("the owner's token still works").isEqualTo(200);
    }

    @Test
    void aFormPostedWithASessionButWithoutItsAntiForgeryTokenIsForbidden() {
        createUser("forged", false);
        Session session = signIn("forged", PASSWORD);

        HttpResponse<String> without = portal.anonymous().post("/account/tokens", FORM,
                form("name", "forged", "scopes", "read", "expiresInDays", "7"), "Cookie", session.cookie());
        HttpResponse<String> wrong = portal.anonymous().post("/account/tokens", FORM,
                form("_csrf", "not-the-token", "name", "forged", "scopes", "read", "expiresInDays", "7"), "Cookie", session.cookie());

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(new People(portal).jdbc().one("select count(*) from api_tokens where user_login = ?", rs -> rs.getInt(1), "forged"))
                .hasValue(0);
    }

    @Test
    void theAdminPageAddsPeopleTeamsAndRolesAndShowsAGeneratedPasswordOnce() {
        Session admin = signIn("admin", TestPortal.ADMIN_PASSWORD);

        HttpResponse<String> added = adminForm(admin, "/admin/users", "login", "page.person", "displayName", "Page Person",
                "email", "page@example.com", "password", "");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        Matcher password = Pattern.compile("<pre class=\"code\" id=\"revealed-password\">([^<]+)</pre>").matcher(added.body());
        assertThat(password.find()).isTrue();
        assertThat(portal.anonymous().post("/signin", FORM, form("login", "page.person", "password", password.group(1),
                "next", "/services")).statusCode()).isEqualTo(303);

        assertThat(adminForm(admin, "/admin/teams", "id", "page-team", "displayName", "Page team").statusCode()).isEqualTo(303);
        assertThat(adminForm(admin, "/admin/memberships", "login", "page.person", "team", "page-team", "role", "member")
                .statusCode()).isEqualTo(303);
        String page = portal.anonymous().get("/admin", "Cookie", admin.cookie()).body();
        assertThat(page).contains("page-team (member)", "page.person: member").doesNotContain(password.group(1));

        HttpResponse<String> bad = adminForm(admin, "/admin/teams", "id", "Page Team", "displayName", "");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Team id must be 2 to 32 characters", "Display name must be 1 to 100 characters");

        HttpResponse<String> self = adminForm(admin, "/admin/users/admin", "admin", "false");
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.body()).contains("you cannot remove your own admin flag");

        HttpResponse<String> reset = adminForm(admin, "/admin/users/page.person", "resetPassword", "true");
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).contains("New password for page.person", "id=\"revealed-password\"");

        assertThat(adminForm(admin, "/admin/memberships", "login", "page.person", "team", "page-team", "role", "none")
                .statusCode()).isEqualTo(303);
        String audit = portal.anonymous().get("/admin/audit?action=role.", "Cookie", admin.cookie()).body();
        assertThat(audit).contains("team page-team: none → member", "team page-team: member → none").doesNotContain("team.created");
    }

    /** A token just created on the account page, and the page that showed it. */
    record NewToken(String secret, String page) {
    }

    private static void createUser(String login, boolean admin) {
        HttpResponse<String> response = portal.postJson("/api/v1/users", "{\"login\": \"" + login + "\", \"displayName\": \""
                + login + "\", \"email\": \"" + login + "@example.com\", \"password\": \"" + PASSWORD + "\", \"admin\": " + admin + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).doesNotContain("password");
    }

    /** Signs in with the form, as a browser does, and reads the anti-forgery token from the account page. */
    private static Session signIn(String login, String password) {
        HttpResponse<String> signedIn = portal.anonymous().post("/signin", FORM,
                form("login", login, "password", password, "next", "/account"));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(CurrentUser.SESSION_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow();
        HttpResponse<String> account = portal.anonymous().get("/account", "Cookie", cookie);
        assertThat(account.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(account.body());
        assertThat(csrf.find()).isTrue();
        return new Session(cookie, csrf.group(1));
    }

    private static NewToken createToken(Session session, String scope) {
        HttpResponse<String> page = portal.anonymous().post("/account/tokens", FORM, form("_csrf", session.csrf(),
                "name", "CI for " + loginOf(session), "scopes", scope, "expiresInDays", "30"), "Cookie", session.cookie());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(201);
        Matcher secret = Pattern.compile("<pre class=\"code\" id=\"new-token-secret\">(lp_[A-Za-z0-9_-]+)</pre>").matcher(page.body());
        assertThat(secret.find()).as("the page shows the new token").isTrue();
        return new NewToken(secret.group(1), page.body());
    }

    private static String loginOf(Session session) {
        try {
            return JSON.readTree(portal.anonymous().get("/api/v1/me", "Cookie", session.cookie()).body()).get("login").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> adminForm(Session admin, String path, String... fields) {
        List<String> all = new ArrayList<>(List.of("_csrf", admin.csrf()));
        all.addAll(List.of(fields));
        return portal.anonymous().post(path, FORM, form(all.toArray(String[]::new)), "Cookie", admin.cookie());
    }

    /** The audit entries of actions starting with {@code prefix}, newest first, as "subject by actor: detail". */
    private static List<String> audit(String prefix) throws Exception {
        HttpResponse<String> response = portal.get("/api/v1/audit?limit=1000&action=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        for (JsonNode e : JSON.readTree(response.body()).get("entries")) {
            assertThat(e.get("action").asText()).startsWith(prefix);
            entries.add(e.get("subject").asText() + " by " + e.get("actor").asText() + ": " + e.get("detail").asText());
        }
        return entries;
    }

    private static List<String> fields(HttpResponse<String> problem) throws Exception {
        List<String> fields = new ArrayList<>();
        JsonNode errors = JSON.readTree(problem.body()).get("errors");
        assertThat(errors).as(problem.body()).isNotNull();
        errors.forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static HttpResponse<String> put(String path, String json) {
        return send("PUT", path, json);
    }

    private static HttpResponse<String> patch(String path, String json) {
        return send("PATCH", path, json);
    }

    private static HttpResponse<String> delete(String path) {
        return send("DELETE", path, null);
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url() + path))
                .header("Authorization", "Bearer " + TestPortal.ADMIN_TOKEN)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return TestPortal.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
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
}
