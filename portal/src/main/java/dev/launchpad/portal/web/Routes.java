package dev.launchpad.portal.web;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import dev.launchpad.portal.catalog.CatalogApi;
import dev.launchpad.portal.catalog.CatalogPages;
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

/** Every route of the portal, pages then API. Git smart HTTP is served under /git/ by a servlet beside these. */
public final class Routes {

    /** The objects that handle requests. */
    public record Handlers(NewServicePage newService, CatalogPages catalogPages, RunPages runPages,
                           ScaffoldApi scaffold, PublishApi publish, CatalogApi catalog, RunsApi runs,
                           ApiIndex apiIndex, OpenApi openApi, CostPages costPages, CostApi cost,
                           HealthPages healthPages, HealthApi health) {
    }

    private Routes() {
    }

    public static List<Route> table(Handlers h) {
        Assets assets = new Assets(Routes.class.getClassLoader()); // static files need nothing but the classpath
        return List.of(
                // pages
                new Route(GET, "/", "home: the catalog", ctx -> ctx.redirect("/services", HttpStatus.FOUND)),
                new Route(GET, "/services", "catalog of services, filtered by team and feature", h.catalogPages()::list),
                new Route(GET, "/services/{name}", "a service: spec, files at the published commit, links", h.catalogPages()::show),
                new Route(GET, "/new", "new service form with live preview", h.newService()::form),
                new Route(POST, "/new", "create: starts a publish run", h.newService()::create),
                new Route(POST, "/new/zip", "download the form's project as a zip", h.newService()::zip),
                new Route(GET, "/runs/{id}", "a run's steps, live", h.runPages()::show),
                new Route(POST, "/runs/{id}/retry", "retry a failed run", h.runPages()::retry),
                new Route(POST, "/new/estimate", "the form's cost estimate, as HTML for the form to show", h.costPages()::estimate),
                new Route(GET, "/cost", "cost of every team: six months, this month and its forecast", h.costPages()::organisation),
                new Route(GET, "/cost/teams/{team}", "a team's cost by service and feature, budgets, estimates", h.costPages()::team),
                new Route(GET, "/cost/services/{name}", "a service's cost by feature beside its estimate and budgets", h.costPages()::service),
                new Route(GET, "/health", "health of every team: services worst first", h.healthPages()::organisation),
                new Route(GET, "/teams/{team}/health", "a team's board: its services worst first", h.healthPages()::team),
                new Route(GET, "/services/{name}/health", "a service's alarms and charts (?env=&range=1h|3h|12h|1d|7d)", h.healthPages()::service),
                new Route(GET, "/api/docs", "Swagger UI for the API", h.openApi()::docs),
                new Route(GET, "/assets/<path>", "the portal's scripts, styles and icons", assets::asset),
                new Route(GET, "/webjars/<path>", "Swagger UI and other webjars", assets::webjar),

                // API
                new Route(GET, "/api/v1", "how to use this API (text, or JSON with Accept: application/json)", h.apiIndex()::show),
                new Route(GET, "/api/v1/openapi.json", "OpenAPI 3 description of this API", h.openApi()::document),
                new Route(GET, "/api/v1/blueprint", "features, options, defaults and constraints", h.scaffold()::blueprint),
                new Route(POST, "/api/v1/projects/preview", "spec in, file list out (?include=content)", h.scaffold()::preview),
                new Route(POST, "/api/v1/projects/zip", "spec in, project zip out", h.scaffold()::zip),
                new Route(POST, "/api/v1/projects/estimate", "{spec, assumptions} in, monthly cost estimate out", h.cost()::estimate),
                new Route(POST, "/api/v1/services", "spec in: publish the service (Idempotency-Key honoured)", h.publish()::create),
                new Route(GET, "/api/v1/services", "published services (?team=&feature=)", h.catalog()::list),
                new Route(GET, "/api/v1/services/{name}", "one service", h.catalog()::get),
                new Route(GET, "/api/v1/services/{name}/cost", "a service's cost, budgets and estimate", h.cost()::service),
                new Route(GET, "/api/v1/teams/{team}/cost", "a team's cost by service and feature, with forecast", h.cost()::team),
                new Route(GET, "/api/v1/health", "every team's services and their alarm state, worst first", h.health()::organisation),
                new Route(GET, "/api/v1/teams/{team}/health", "a team's services and their alarm state, worst first", h.health()::team),
                new Route(GET, "/api/v1/services/{name}/health", "a service's alarms in each environment", h.health()::service),
                new Route(GET, "/api/v1/services/{name}/metrics", "a service's dashboard data (?env=&range=1h|3h|12h|1d|7d)", h.health()::metrics),
                new Route(GET, "/api/v1/runs/{id}", "a publish run and its steps", h.runs()::get),
                new Route(GET, "/api/v1/runs/{id}/events", "a run's events as server-sent events", h.runs()::events),
                new Route(POST, "/api/v1/runs/{id}/retry", "retry a failed run", h.publish()::retry));
    }
}
