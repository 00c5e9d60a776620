package dev.launchpad.portal.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.blueprint.spec.Problem;
import dev.launchpad.portal.audit.AuditLog;
import dev.launchpad.portal.catalog.Team;
import dev.launchpad.portal.web.ApiProblem;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Who you are, and managing people, teams and roles, over HTTP. The rules are in {@link Accounts}. */
public final class AdminApi {

    /** An account or team request is a few hundred bytes. */
    private static final int MAX_BODY = 16 * 1024;
    private static final int AUDIT_LIMIT_DEFAULT = 100;
    private static final int AUDIT_LIMIT_MAX = 1000;

    /** Someone's role in a team, from the team's side or the person's. */
    private record Role(String team, String role) {
    }

    private record Member(String login, String role) {
    }

    private final Identity identity;
    private final ObjectMapper json;
    private final Accounts accounts;

    public AdminApi(Identity identity, ObjectMapper json) {
        this.identity = identity;
        this.json = json;
        this.accounts = new Accounts(identity);
    }

    public void me(Context ctx) {
        Principal p = identity.currentUser().require(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("login", p.login());
        body.put("displayName", p.user().displayName());
        body.put("email", p.user().email());
        body.put("admin", p.admin());
        body.put("teams", roles(p.teams()));
        body.put("scopes", p.scopes().stream().map(Scope::id).sorted().toList());
        body.put("via", p.viaToken() ? "token" : "session");
        ctx.json(body);
    }

    public void teams(Context ctx) {
        Principal p = identity.currentUser().require(ctx);
        boolean withMembers = p.admin() && p.has(Scope.ADMIN);
        // members are read (a query per team) only for those who may see them
        List<Map<String, Object>> teams = withMembers
                ? accounts.teams().stream().map(t -> team(t.team(), t.members())).toList()
                : identity.teams().all().stream().map(t -> team(t, null)).toList();
        ctx.json(listing("teams", teams));
    }

    public void team(Context ctx) {
        Principal p = identity.currentUser().require(ctx);
        Accounts.TeamMembers found = accounts.team(ctx.pathParam("team"));
        ctx.json(team(found.team(), p.admin() && p.has(Scope.ADMIN) ? found.members() : null));
    }

    public void user(Context ctx) {
        ctx.json(user(accounts.person(ctx.pathParam("login"))));
    }

    public void createTeam(Context ctx) {
        Body body = body(ctx, "id", "displayName");
        String id = body.text("id");
        String displayName = body.text("displayName");
        body.check();
        Team team = accounts.createTeam(actor(ctx), id, displayName);
        ctx.status(HttpStatus.CREATED).header(Header.LOCATION, "/api/v1/teams/" + team.id())
                .json(team(team, Map.of()));
    }

    public void putMember(Context ctx) {
        Body body = body(ctx, "role");
        String role = body.text("role");
        body.check();
        Accounts.Membership m = accounts.setRole(actor(ctx), ctx.pathParam("team"), ctx.pathParam("login"),
                Accounts.parseRole(role, false));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("team", m.team());
        out.put("login", m.login());
        out.put("role", m.role().id());
        out.put("previousRole", m.before() == null ? "none" : m.before().id());
        ctx.json(out);
    }

    public void deleteMember(Context ctx) {
        accounts.removeMember(actor(ctx), ctx.pathParam("team"), ctx.pathParam("login"));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    public void users(Context ctx) {
        List<Map<String, Object>> users = accounts.people().stream().map(AdminApi::user).toList();
        ctx.json(listing("users", users));
    }

    public void createUser(Context ctx) {
        Body body = body(ctx, "login", "displayName", "email", "password", "admin");
        Accounts.NewUser request = new Accounts.NewUser(body.text("login"), body.text("displayName"), body.text("email"),
                body.text("password"), Boolean.TRUE.equals(body.bool("admin")));
        body.check();
        Accounts.CreatedUser created = accounts.createUser(actor(ctx), request);
        Map<String, Object> out = user(created.person());
        if (created.generatedPassword() != null) {
            out.put("password", created.generatedPassword());
        }
        ctx.status(HttpStatus.CREATED).header(Header.LOCATION, "/api/v1/users/" + created.person().login()).json(out);
    }

    public void updateUser(Context ctx) {
        Body body = body(ctx, "admin", "disabled");
        Boolean admin = body.bool("admin");
        Boolean disabled = body.bool("disabled");
        if (admin == null && disabled == null && body.problems.isEmpty()) {
            body.problems.add(new Problem("admin", "send admin, disabled or both"));
        }
        body.check();
        ctx.json(user(accounts.update(actor(ctx), ctx.pathParam("login"), admin, disabled)));
    }

    public void audit(Context ctx) {
        String limitText = ctx.queryParam("limit");
        int limit = AUDIT_LIMIT_DEFAULT;
        if (limitText != null) {
            limit = limitText.matches("\\d{1,4}") ? Integer.parseInt(limitText) : -1;
            if (limit < 1 || limit > AUDIT_LIMIT_MAX) {
                throw ApiProblem.invalidRequest(List.of(new Problem("limit", "must be a whole number from 1 to " + AUDIT_LIMIT_MAX)));
            }
        }
        List<AuditLog.Entry> entries = accounts.audit(limit, ctx.queryParam("action"));
        ctx.json(listing("entries", entries));
    }

    private String actor(Context ctx) {
        return identity.currentUser().require(ctx).login();
    }

    private static Map<String, Object> user(Accounts.Person person) {
        UserRepository.Account a = person.account();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("login", a.login());
        out.put("displayName", a.user().displayName());
        out.put("email", a.user().email());
        out.put("admin", a.admin());
        out.put("disabled", a.disabled());
        out.put("signIn", a.oidcSubject() != null ? "oidc" : "local");
        out.put("teams", roles(person.teams()));
        return out;
    }

    private static Map<String, Object> team(Team team, Map<String, TeamRole> members) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", team.id());
        out.put("displayName", team.displayName());
        if (members != null) {
            out.put("members", members.entrySet().stream()
                    .map(e -> new Member(e.getKey(), e.getValue().id())).toList());
        }
        return out;
    }

    private static List<Role> roles(Map<String, TeamRole> teams) {
        return teams.entrySet().stream().map(e -> new Role(e.getKey(), e.getValue().id())).toList();
    }

    private static Map<String, Object> listing(String name, List<?> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", items.size());
        out.put(name, items);
        return out;
    }

    /** The request's JSON object, refusing fields other than {@code fields}. */
    private Body body(Context ctx, String... fields) {
        String type = ctx.header(Header.CONTENT_TYPE);
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json")) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "send the request as JSON with the header Content-Type: application/json");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BODY) {
            throw new ApiProblem(413, "body-too-large", "Request body too large",
                    "a request here may be at most " + MAX_BODY + " bytes");
        }
        JsonNode node;
        try {
            node = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new ApiProblem(400, "malformed-json", "Malformed JSON", "malformed JSON" + where + ": " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.invalidRequest(List.of(new Problem("", "the body must be a JSON object")));
        }
        Set<String> known = Set.of(fields);
        List<Problem> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(new Problem(name, "unknown field; the fields are " + String.join(", ", fields)));
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiProblem.invalidRequest(unknown);
        }
        return new Body(node);
    }

    /** Reads typed fields of a request, collecting a problem for each of the wrong type. */
    private static final class Body {
        private final JsonNode node;
        private final List<Problem> problems = new ArrayList<>();

        Body(JsonNode node) {
            this.node = node;
        }

        String text(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                problems.add(new Problem(field, "must be a string"));
                return null;
            }
            return value.textValue();
        }

        Boolean bool(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isBoolean()) {
                problems.add(new Problem(field, "must be true or false"));
                return null;
            }
            return value.booleanValue();
        }

        void check() {
            if (!problems.isEmpty()) {
                throw ApiProblem.invalidRequest(problems);
            }
        }
    }
}
