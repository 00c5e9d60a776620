package dev.launchpad.portal.health;

import dev.launchpad.portal.auth.CurrentUser;
import dev.launchpad.portal.auth.Principal;
import dev.launchpad.portal.web.ApiProblem;
import io.javalin.http.Context;
import java.util.Map;

/** The health API: alarm state of services and teams, and dashboard metrics. AWS trouble is in the body, never an error status. */
public final class HealthApi {

    private final Health health;
    private final CurrentUser currentUser;

    public HealthApi(Health health, CurrentUser currentUser) {
        this.health = health;
        this.currentUser = currentUser;
    }

    public void organisation(Context ctx) {
        Map<String, Object> body = HealthJson.source(health);
        var now = health.clock().instant();
        Principal who = currentUser.require(ctx);
        body.put("teams", health.board().organisation(health.pageWait()).stream()
                .filter(t -> who.canSeeTeam(t.team())).map(t -> HealthJson.team(t, now)).toList());
        ctx.json(body);
    }

    public void team(Context ctx) {
        String team = ctx.pathParam("team");
        TeamHealth found = health.board().team(team, health.pageWait())
                .orElseThrow(() -> ApiProblem.notFound("there is no team \"" + team + "\""));
        Map<String, Object> body = HealthJson.source(health);
        body.putAll(HealthJson.team(found, health.clock().instant()));
        ctx.json(body);
    }

    public void service(Context ctx) {
        String name = ctx.pathParam("name");
        ServiceHealth found = health.board().service(name, health.pageWait())
                .orElseThrow(() -> ApiProblem.notFound("there is no service named \"" + name + "\""));
        Map<String, Object> body = HealthJson.source(health);
        body.putAll(HealthJson.service(found, health.clock().instant()));
        ctx.json(body);
    }

    public void metrics(Context ctx) {
        Selection s = Selection.of(ctx, health.dashboards());
        Dashboard dashboard = health.dashboards().dashboard(s.service(), s.environment(), s.range(), health.pageWait());
        Map<String, Object> body = HealthJson.source(health);
        body.putAll(HealthJson.dashboard(dashboard, health.clock().instant()));
        ctx.json(body);
    }
}
