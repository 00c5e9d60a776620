package dev.launchpad.portal.auth;

import dev.launchpad.portal.web.ApiProblem;
import dev.launchpad.portal.web.Route;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks each route's {@link Access} rule before its handler runs. Anonymous page views are sent to the
 * sign-in page; everything else that is refused gets a 401 or 403 problem. State-changing requests made
 * with a session cookie must carry the session's anti-forgery token, in the {@code X-CSRF-Token} header
 * (scripts) or the {@code _csrf} form field (forms).
 */
public final class Guard {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";

    private final CurrentUser currentUser;

    public Guard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The route's handler behind its rule. */
    public Handler wrap(Route route) {
        Access access = route.access();
        Handler handler = route.handler();
        if (access instanceof Access.Anyone) {
            return handler;
        }
        return ctx -> {
            if (admit(ctx, access)) {
                handler.handle(ctx);
            }
        };
    }

    /** True to go on to the handler; false when the response (a redirect to sign in) is already made. */
    private boolean admit(Context ctx, Access access) {
        Optional<Principal> found = currentUser.principal(ctx);
        if (found.isEmpty()) {
            if (!isApi(ctx) && ctx.method() == HandlerType.GET) {
                ctx.redirect("/signin?next=" + URLEncoder.encode(requestedPath(ctx), StandardCharsets.UTF_8), HttpStatus.FOUND);
                return false;
            }
            currentUser.require(ctx); // throws the 401 with the reason
        }
        Principal p = found.orElseThrow();
        if (!p.viaToken() && changesState(ctx)) {
            checkCsrf(ctx, p);
        }
        switch (access) {
            case Access.Anyone ignored -> {
            }
            case Access.SignedIn rule -> requireScope(p, rule.scope());
            case Access.BrowserSession ignored -> {
                if (p.viaToken()) {
                    throw forbidden("this page is for people signed in through the browser, not API tokens");
                }
            }
            case Access.Scaffold ignored -> {
                requireScope(p, Scope.SCAFFOLD);
                if (!p.admin() && p.teams().isEmpty()) {
                    throw forbidden("publishing needs membership of a team; ask a Launchpad admin to add you to yours");
                }
            }
            case Access.Admin ignored -> {
                if (!p.admin()) {
                    throw forbidden("only Launchpad admins may do this");
                }
                requireScope(p, Scope.ADMIN);
            }
            case Access.Team rule -> {
                requireScope(p, rule.scope());
                String team = rule.teamOf().team(ctx)
                        .orElseThrow(() -> ApiProblem.notFound("nothing is at " + ctx.method() + " " + ctx.path()));
                if (rule.leadOnly() ? !p.leads(team) : !p.canSeeTeam(team)) {
                    throw forbidden(rule.leadOnly()
                            ? "only leads of team " + team + " and admins may see this"
                            : "only members of team " + team + " and admins may see this");
                }
            }
        }
        return true;
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail);
    }

    private static void requireScope(Principal p, Scope scope) {
        if (!p.has(scope)) {
            throw forbidden("the API token does not have the '" + scope.id() + "' scope");
        }
    }

    private static void checkCsrf(Context ctx, Principal p) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        if (!Secrets.sameText(sent, p.csrfToken())) {
            throw new ApiProblem(403, "csrf", "Form expired",
                    "the request did not carry this session's anti-forgery token; reload the page and try again");
        }
    }

    private static boolean changesState(Context ctx) {
        HandlerType m = ctx.method();
        return m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    private static String requestedPath(Context ctx) {
        String query = ctx.queryString();
        return query == null ? ctx.path() : ctx.path() + "?" + query;
    }
}
