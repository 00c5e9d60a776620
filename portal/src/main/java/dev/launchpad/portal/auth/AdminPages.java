package dev.launchpad.portal.auth;

import dev.launchpad.portal.audit.AuditLog;
import dev.launchpad.portal.web.ApiProblem;
import dev.launchpad.portal.web.Chrome;
import dev.launchpad.portal.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin pages: people, teams and roles on one page, and the audit log. Changes go through {@link Accounts};
 * a change that fails comes back on the page beside its form, and a generated password is shown once, in the
 * response to the form that made it.
 */
public final class AdminPages {

    static final int AUDIT_ENTRIES = 200;
    private static final DateTimeFormatter AUDIT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * @param local    has a Launchpad password (which can be reset)
     * @param provided signs in through the identity provider, whose groups set its admin flag and teams
     */
    public record UserRow(String login, String displayName, String email, boolean admin, boolean disabled, boolean local,
                          boolean provided, String teams) {
    }

    public record MemberRow(String login, String role) {
    }

    public record TeamRow(String id, String displayName, List<MemberRow> members) {
    }

    /** A password shown this once: for a new account or after a reset. */
    public record Revealed(String login, String password, String what) {
        @Override
        public String toString() {
            return "Revealed[" + login + "]";
        }
    }

    /** One form's values as sent and the problems of each field; {@code ""} holds problems of no one field. */
    public record Form(Map<String, String> values, Map<String, List<String>> errors) {

        static Form blank() {
            return new Form(Map.of(), Map.of());
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public List<String> errorsFor(String field) {
            return errors.getOrDefault(field, List.of());
        }

        public boolean failed() {
            return !errors.isEmpty();
        }
    }

    public record Model(Chrome chrome, List<UserRow> users, List<TeamRow> teams, Revealed revealed, Form userForm,
                        Form teamForm, Form roleForm, String alert) {
    }

    public record AuditRow(String at, String actor, String action, String subject, String detail) {
    }

    public record AuditModel(Chrome chrome, List<AuditRow> entries, String action, int limit) {
    }

    private final Identity identity;
    private final Pages pages;
    private final Accounts accounts;

    public AdminPages(Identity identity, Pages pages) {
        this.identity = identity;
        this.pages = pages;
        this.accounts = new Accounts(identity);
    }

    public void home(Context ctx) {
        render(ctx, null, Form.blank(), Form.blank(), Form.blank(), null);
    }

    public void createUser(Context ctx) {
        Map<String, String> values = values(ctx, "login", "displayName", "email", "password", "admin");
        String password = values.get("password");
        try {
            Accounts.CreatedUser created = accounts.createUser(actor(ctx), new Accounts.NewUser(values.get("login"),
                    values.get("displayName"), values.get("email"), password.isEmpty() ? null : password,
                    "true".equals(values.get("admin")) || "on".equals(values.get("admin"))));
            if (created.generatedPassword() == null) {
                ctx.redirect("/admin", HttpStatus.SEE_OTHER);
                return;
            }
            ctx.status(HttpStatus.CREATED);
            render(ctx, new Revealed(created.person().login(), created.generatedPassword(), "created"),
                    Form.blank(), Form.blank(), Form.blank(), null);
        } catch (ApiProblem problem) {
            values.put("password", ""); // never sent back to the browser
            ctx.status(problem.status());
            render(ctx, null, new Form(values, AccountPages.byField(problem)), Form.blank(), Form.blank(), null);
        }
    }

    /**
     * Changes an account: {@code admin} and {@code disabled} set to true or false, or {@code resetPassword=true}
     * for a generated password. Each button of a person's row sends one of them.
     */
    public void updateUser(Context ctx) {
        String login = ctx.pathParam("login");
        try {
            String actor = actor(ctx);
            if ("true".equals(ctx.formParam("resetPassword"))) {
                String password = accounts.resetPassword(actor, login);
                render(ctx, new Revealed(login, password, "reset"), Form.blank(), Form.blank(), Form.blank(), null);
                return;
            }
            Boolean admin = flag(ctx, "admin");
            Boolean disabled = flag(ctx, "disabled");
            if (admin == null && disabled == null) {
                throw new ApiProblem(400, "invalid-request", "Invalid request",
                        "send admin=true|false, disabled=true|false or resetPassword=true");
            }
            accounts.update(actor, login, admin, disabled);
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        } catch (ApiProblem problem) {
            ctx.status(problem.status());
            render(ctx, null, Form.blank(), Form.blank(), Form.blank(), problem.detail());
        }
    }

    public void createTeam(Context ctx) {
        Map<String, String> values = values(ctx, "id", "displayName");
        try {
            accounts.createTeam(actor(ctx), values.get("id"), values.get("displayName"));
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        } catch (ApiProblem problem) {
            ctx.status(problem.status());
            render(ctx, null, Form.blank(), new Form(values, AccountPages.byField(problem)), Form.blank(), null);
        }
    }

    /** Sets someone's role in a team; {@code none} takes them out of it. */
    public void setMembership(Context ctx) {
        Map<String, String> values = values(ctx, "login", "team", "role");
        try {
            TeamRole role = Accounts.parseRole(values.get("role"), true);
            if (role == null) {
                accounts.removeMember(actor(ctx), values.get("team"), values.get("login"));
            } else {
                accounts.setRole(actor(ctx), values.get("team"), values.get("login"), role);
            }
            ctx.redirect("/admin", HttpStatus.SEE_OTHER);
        } catch (ApiProblem problem) {
            ctx.status(problem.status() == 404 ? 400 : problem.status());
            render(ctx, null, Form.blank(), Form.blank(), new Form(values, AccountPages.byField(problem)), null);
        }
    }

    public void audit(Context ctx) {
        String action = ctx.queryParam("action");
        action = action == null ? "" : action.trim();
        List<AuditRow> rows = accounts.audit(AUDIT_ENTRIES, action).stream().map(AdminPages::row).toList();
        pages.render(ctx, "auth/audit.jte", new AuditModel(pages.chrome(ctx, "Audit log", "admin"), rows, action, AUDIT_ENTRIES));
    }

    private void render(Context ctx, Revealed revealed, Form userForm, Form teamForm, Form roleForm, String alert) {
        List<UserRow> users = accounts.people().stream().map(p -> new UserRow(p.login(), p.account().user().displayName(),
                p.account().user().email(), p.account().admin(), p.account().disabled(), p.account().passwordHash() != null,
                p.account().managedByProvider(),
                p.teams().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().id() + ")")
                        .collect(Collectors.joining(", ")))).toList();
        List<TeamRow> teams = accounts.teams().stream().map(t -> new TeamRow(t.team().id(), t.team().displayName(),
                t.members().entrySet().stream().map(e -> new MemberRow(e.getKey(), e.getValue().id())).toList())).toList();
        pages.render(ctx, "auth/admin.jte", new Model(pages.chrome(ctx, "People and teams", "admin"), users, teams, revealed,
                userForm, teamForm, roleForm, alert));
    }

    private String actor(Context ctx) {
        return identity.currentUser().require(ctx).login();
    }

    private static AuditRow row(AuditLog.Entry e) {
        return new AuditRow(AUDIT_TIME.format(e.at()), e.actor(), e.action(), e.subject(), e.detail());
    }

    /** A true/false form field; null when absent. */
    private static Boolean flag(Context ctx, String field) {
        String value = ctx.formParam(field);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ApiProblem(400, "invalid-request", "Invalid request", field + " must be true or false");
        };
    }

    private static Map<String, String> values(Context ctx, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            String value = ctx.formParam(field);
            values.put(field, value == null ? "" : value);
        }
        return values;
    }
}
