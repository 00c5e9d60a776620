package dev.launchpad.portal.web;

import static dev.launchpad.portal.auth.Access.admin;
import static dev.launchpad.portal.auth.Access.anyone;
import static dev.launchpad.portal.auth.Access.browserSession;
import static dev.launchpad.portal.auth.Access.lead;
import static dev.launchpad.portal.auth.Access.member;
import static dev.launchpad.portal.auth.Access.memberActing;
import static dev.launchpad.portal.auth.Access.scaffold;
import static dev.launchpad.portal.auth.Access.signedIn;
import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import dev.launchpad.portal.auth.AccountPages;
import dev.launchpad.portal.auth.AdminApi;
import dev.launchpad.portal.auth.AdminPages;
import dev.launchpad.portal.auth.OidcSignIn;
import dev.launchpad.portal.auth.SignInPages;
import dev.launchpad.portal.catalog.CatalogApi;
import dev.launchpad.portal.catalog.CatalogPages;
import dev.launchpad.portal.catalog.Owners;
import dev.launchpad.portal.cost.CostApi;
import dev.launchpad.portal.cost.CostPages;
import dev.launchpad.portal.health.HealthApi;
import dev.launchpad.portal.health.HealthPages;
import dev.launchpad.portal.publish.PublishApi;
import dev.launchpad.portal.runs.RunPages;
import dev.launchpad.portal.runs.RunsApi;
import dev.launchpad.portal.scaffold.NewServicePage;
import dev.launchpad.portal.scaffold.ScaffoldApi;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * Every route of the portal, pages then API, each with the rule of who may use it ({@link
 * dev.launchpad.portal.auth.Access}). Git smart HTTP is served under /git/ by a servlet beside these, behind
 * the same accounts (HTTP Basic with an API token).
 */
public final class Routes {

    /** The objects that handle requests, and the owners lookups the access rules use. */
    public record Handlers(NewServicePage newService, CatalogPages catalogPages, RunPages runPages,
                           ScaffoldApi scaffold, PublishApi publish, CatalogApi catalog, RunsApi runs,
                           ApiIndex apiIndex, OpenApi openApi, CostPages costPages, CostApi cost,
                           HealthPages healthPages, HealthApi health, SignInPages signIn, OidcSignIn oidc,
                           AccountPages account, AdminPages adminPages, AdminApi adminApi, Owners owners) {
    }

    private Routes() {
    }

    public static List<Route> table(Handlers h) {
        Assets assets = new Assets(Routes.class.getClassLoader()); // static files need nothing but the classpath
        Owners o = h.owners();
        return List.of(
                // pages
                new Route(GET, "/", "home: the catalog", anyone(), ctx -> ctx.redirect("/services", HttpStatus.FOUND)),
                new Route(GET, "/signin", "sign-in form", anyone(), h.signIn()::form),
                new Route(POST, "/signin", "sign in with a local account", anyone(), h.signIn()::signIn),
                new Route(POST, "/signout", "end the session", signedIn(), h.signIn()::signOut),
                new Route(GET, "/auth/oidc/start", "sign in through the identity provider", anyone(), h.oidc()::start),
                new Route(GET, "/auth/oidc/callback", "where the identity provider returns", anyone(), h.oidc()::callback),
                new Route(GET, "/account", "your teams, roles and API tokens", browserSession(), h.account()::show),
                new Route(POST, "/account/tokens", "create an API token (shown once)", browserSession(), h.account()::createToken),
                new Route(POST, "/account/tokens/{id}/revoke", "revoke one of your API tokens", browserSession(), h.account()::revokeToken),
                new Route(GET, "/services", "catalog of services, filtered by team and feature", signedIn(), h.catalogPages()::list),
                new Route(GET, "/services/{name}", "a service: spec, files at the published commit, links", signedIn(), h.catalogPages()::show),
                new Route(GET, "/new", "new service form with live preview", signedIn(), h.newService()::form),
                new Route(POST, "/new", "create: starts a publish run", scaffold(), h.newService()::create),
                new Route(POST, "/new/zip", "download the form's project as a zip", signedIn(), h.newService()::zip),
                new Route(GET, "/runs/{id}", "a run's steps, live", member(o.run()), h.runPages()::show),
                new Route(POST, "/runs/{id}/retry", "retry a failed run", memberActing(o.run()), h.runPages()::retry),
                new Route(POST, "/new/estimate", "the form's cost estimate, as HTML for the form to show", signedIn(), h.costPages()::estimate),
                new Route(GET, "/cost", "cost of every team: six months, this month and its forecast", admin(), h.costPages()::organisation),
                new Route(GET, "/cost/teams/{team}", "a team's cost by service and feature, budgets, estimates", lead(o.team()), h.costPages()::team),
                new Route(GET, "/cost/services/{name}", "a service's cost by feature beside its estimate and budgets", lead(o.service()), h.costPages()::service),
                new Route(GET, "/health", "health of your teams: services worst first", signedIn(), h.healthPages()::organisation),
                new Route(GET, "/teams/{team}/health", "a team's board: its services worst first", member(o.team()), h.healthPages()::team),
                new Route(GET, "/services/{name}/health", "a service's alarms and charts (?env=&range=1h|3h|12h|1d|7d)", member(o.service()), h.healthPages()::service),
                new Route(GET, "/admin", "people, teams and roles", admin(), h.adminPages()::home),
                new Route(POST, "/admin/users", "add a local account", admin(), h.adminPages()::createUser),
                new Route(POST, "/admin/users/{login}", "change an account: admin, disabled, new password", admin(), h.adminPages()::updateUser),
                new Route(POST, "/admin/teams", "add a team", admin(), h.adminPages()::createTeam),
                new Route(POST, "/admin/memberships", "set or remove someone's role in a team", admin(), h.adminPages()::setMembership),
                new Route(GET, "/admin/audit", "the audit log", admin(), h.adminPages()::audit),
                new Route(GET, "/api/docs", "Swagger UI for the API", anyone(), h.openApi()::docs),
                new Route(GET, "/assets/<path>", "the portal's scripts, styles and icons", anyone(), assets::asset),
                new Route(GET, "/webjars/<path>", "Swagger UI and other webjars", anyone(), assets::webjar),

                // API
                new Route(GET, "/api/v1", "how to use this API (text, or JSON with Accept: application/json)", anyone(), h.apiIndex()::show),
                new Route(GET, "/api/v1/openapi.json", "OpenAPI 3 description of this API", anyone(), h.openApi()::document),
                new Route(GET, "/api/v1/me", "who the token or session belongs to: teams, roles, scopes", signedIn(), h.adminApi()::me),
                new Route(GET, "/api/v1/blueprint", "features, options, defaults and constraints", signedIn(), h.scaffold()::blueprint),
                new Route(POST, "/api/v1/projects/preview", "spec in, file list out (?include=content)", signedIn(), h.scaffold()::preview),
                new Route(POST, "/api/v1/projects/zip", "spec in, project zip out", signedIn(), h.scaffold()::zip),
                new Route(POST, "/api/v1/projects/estimate", "{spec, assumptions} in, monthly cost estimate out", signedIn(), h.cost()::estimate),
                new Route(POST, "/api/v1/services", "spec in: publish the service (Idempotency-Key honoured)", scaffold(), h.publish()::create),
                new Route(GET, "/api/v1/services", "published services (?team=&feature=)", signedIn(), h.catalog()::list),
                new Route(GET, "/api/v1/services/{name}", "one service", signedIn(), h.catalog()::get),
                new Route(GET, "/api/v1/services/{name}/cost", "a service's cost, budgets and estimate", lead(o.service()), h.cost()::service),
                new Route(GET, "/api/v1/teams/{team}/cost", "a team's cost by service and feature, with forecast", lead(o.team()), h.cost()::team),
                new Route(GET, "/api/v1/health", "your teams' services and their alarm state, worst first", signedIn(), h.health()::organisation),
                new Route(GET, "/api/v1/teams/{team}/health", "a team's services and their alarm state, worst first", member(o.team()), h.health()::team),
                new Route(GET, "/api/v1/services/{name}/health", "a service's alarms in each environment", member(o.service()), h.health()::service),
                new Route(GET, "/api/v1/services/{name}/metrics", "a service's dashboard data (?env=&range=1h|3h|12h|1d|7d)", member(o.service()), h.health()::metrics),
                new Route(GET, "/api/v1/runs/{id}", "a publish run and its steps", member(o.run()), h.runs()::get),
                new Route(GET, "/api/v1/runs/{id}/events", "a run's events as server-sent events", member(o.run()), h.runs()::events),
                new Route(POST, "/api/v1/runs/{id}/retry", "retry a failed run", memberActing(o.run()), h.publish()::retry),
                new Route(GET, "/api/v1/teams", "every team", signedIn(), h.adminApi()::teams),
                new Route(POST, "/api/v1/teams", "add a team {id, displayName}", admin(), h.adminApi()::createTeam),
                new Route(GET, "/api/v1/teams/{team}", "one team (with its members, for admins)", signedIn(), h.adminApi()::team),
                new Route(PUT, "/api/v1/teams/{team}/members/{login}", "set someone's role in a team {role: member|lead}", admin(), h.adminApi()::putMember),
                new Route(DELETE, "/api/v1/teams/{team}/members/{login}", "remove someone from a team", admin(), h.adminApi()::deleteMember),
                new Route(GET, "/api/v1/users", "every account with its teams and roles", admin(), h.adminApi()::users),
                new Route(GET, "/api/v1/users/{login}", "one account with its teams and roles", admin(), h.adminApi()::user),
                new Route(POST, "/api/v1/users", "add a local account {login, displayName, email, password?, admin?}", admin(), h.adminApi()::createUser),
                new Route(PATCH, "/api/v1/users/{login}", "change an account {admin?, disabled?}", admin(), h.adminApi()::updateUser),
                new Route(GET, "/api/v1/audit", "the audit log, newest first (?limit=&action=)", admin(), h.adminApi()::audit));
    }
}
