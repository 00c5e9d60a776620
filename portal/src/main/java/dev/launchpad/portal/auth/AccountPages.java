package dev.launchpad.portal.auth;

import dev.launchpad.blueprint.spec.Problem;
import dev.launchpad.portal.web.ApiProblem;
import dev.launchpad.portal.web.Chrome;
import dev.launchpad.portal.web.Format;
import dev.launchpad.portal.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The signed-in person's own page: who they are, their teams and roles, and their API tokens. A new token's
 * secret is rendered once, in the response to the form that created it, never in a URL.
 */
public final class AccountPages {

    public record TeamRow(String team, String role) {
    }

    /** A token as listed: everything but the secret. */
    public record TokenRow(String id, String name, String scopes, String created, String expires, String lastUsed,
                           String state, boolean live) {
    }

    /** The token just created, and how to use it; the only place its secret appears. */
    public record NewSecret(String name, String secret, String curl, String gitClone) {
        @Override
        public String toString() {
            return "NewSecret[" + name + "]";
        }
    }

    /** The create-token form as sent, with the problems of each field. */
    public record TokenForm(String name, Set<String> scopes, String expiresInDays, Map<String, List<String>> errors) {

        static TokenForm blank() {
            return new TokenForm("", Set.of(Scope.READ.id()), Integer.toString(Accounts.TOKEN_DAYS_DEFAULT), Map.of());
        }

        public boolean checked(String scope) {
            return scopes.contains(scope);
        }

        public List<String> errorsFor(String field) {
            return errors.getOrDefault(field, List.of());
        }
    }

    public record Model(Chrome chrome, String displayName, String login, String email, boolean admin, List<TeamRow> teams,
                        List<TokenRow> tokens, TokenForm form, NewSecret created, int maxDays) {
    }

    private final Identity identity;
    private final Pages pages;
    private final Accounts accounts;

    public AccountPages(Identity identity, Pages pages) {
        this.identity = identity;
        this.pages = pages;
        this.accounts = new Accounts(identity);
    }

    public void show(Context ctx) {
        render(ctx, TokenForm.blank(), null);
    }

    public void createToken(Context ctx) {
        Principal owner = identity.currentUser().require(ctx);
        List<String> scopes = ctx.formParams("scopes");
        TokenForm form = new TokenForm(value(ctx, "name"), Set.copyOf(scopes), value(ctx, "expiresInDays"), Map.of());
        try {
            ApiTokens.Created created = accounts.createToken(owner,
                    new Accounts.NewToken(form.name(), scopes, form.expiresInDays()));
            ctx.status(HttpStatus.CREATED);
            render(ctx, TokenForm.blank(), secret(owner, created));
        } catch (ApiProblem problem) {
            ctx.status(problem.status());
            render(ctx, new TokenForm(form.name(), form.scopes(), form.expiresInDays(), byField(problem)), null);
        }
    }

    public void revokeToken(Context ctx) {
        accounts.revokeToken(identity.currentUser().require(ctx), ctx.pathParam("id"));
        ctx.redirect("/account", HttpStatus.SEE_OTHER);
    }

    /** A problem's messages by field, for showing each beside its input; the detail when no field is named. */
    static Map<String, List<String>> byField(ApiProblem problem) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (problem.errors().isEmpty()) {
            errors.put("", List.of(problem.detail()));
        }
        for (Problem p : problem.errors()) {
            String field = p.field();
            errors.merge(field, List.of(field.isEmpty() ? p.message() : label(field) + " " + p.message()),
                    (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
        }
        return errors;
    }

    private static String label(String field) {
        return switch (field) {
            case "displayName" -> "Display name";
            case "expiresInDays" -> "Expiry";
            case "id" -> "Team id";
            default -> Character.toUpperCase(field.charAt(0)) + field.substring(1);
        };
    }

    private NewSecret secret(Principal owner, ApiTokens.Created created) {
        String url = identity.publicUrl();
        String team = owner.teams().keySet().stream().findFirst().orElse("<team>");
        return new NewSecret(created.token().name(), created.secret(),
                "curl -H \"Authorization: Bearer " + created.secret() + "\" " + url + "/api/v1/me",
                "git -c http.extraHeader=\"Authorization: Bearer " + created.secret() + "\" clone " + url + "/git/" + team
                        + "/<service>.git");
    }

    private void render(Context ctx, TokenForm form, NewSecret created) {
        Principal p = identity.currentUser().require(ctx);
        Instant now = identity.clock().instant();
        List<TeamRow> teams = p.teams().entrySet().stream().map(e -> new TeamRow(e.getKey(), e.getValue().id())).toList();
        List<TokenRow> tokens = accounts.tokensOf(p.login()).stream().map(t -> row(t, now)).toList();
        pages.render(ctx, "auth/account.jte", new Model(pages.chrome(ctx, "Your account", "account"), p.user().displayName(),
                p.login(), p.user().email(), p.admin(), teams, tokens, form, created, Accounts.TOKEN_DAYS_MAX));
    }

    private static TokenRow row(ApiTokens.Token t, Instant now) {
        String state = t.revokedAt() != null ? "revoked " + Format.time(t.revokedAt())
                : now.isBefore(t.expiresAt()) ? "active" : "expired";
        return new TokenRow(t.id(), t.name(), Scope.format(t.scopes()).replace(",", ", "), Format.time(t.createdAt()),
                Format.time(t.expiresAt()), t.lastUsedAt() == null ? "never" : Format.time(t.lastUsedAt()), state,
                t.usableAt(now));
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }
}
