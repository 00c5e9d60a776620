package dev.launchpad.portal.health;

import dev.launchpad.portal.auth.CurrentUser;
import dev.launchpad.portal.auth.Principal;
import dev.launchpad.portal.web.ApiProblem;
import dev.launchpad.portal.web.Chrome;
import dev.launchpad.portal.web.Pages;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The health pages: a service's dashboard and alarms, a team's board, the organisation's. */
public final class HealthPages {

    /** A link in a row of choices (environments, ranges); {@code current} marks the one shown. */
    public record Choice(String label, String href, boolean current) {
    }

    /** A chart as the page lays it out before the script draws it. */
    public record ChartView(Dashboard.Chart chart, String unitText) {
    }

    public record Section(String title, List<ChartView> charts) {
    }

    /** @param shown the health of the environment the dashboard shows */
    public record ServiceModel(Chrome chrome, ServiceHealth health, EnvironmentHealth shown, Dashboard dashboard, List<Section> sections,
                               List<Choice> environments, List<Choice> ranges, String metricsUrl, String healthUrl,
                               int refreshSeconds, String uplotPath, boolean demo, Instant now) {
    }

    public record TeamModel(Chrome chrome, TeamHealth team, boolean demo, Instant now) {
    }

    public record OrganisationModel(Chrome chrome, List<TeamHealth> teams, boolean demo, Instant now) {
    }

    /** The uPlot webjar's files, by its version from its Maven metadata, so the page follows the dependency. */
    static final String UPLOT_PATH = "/webjars/uplot/" + webjarVersion() + "/dist/";

    private final Health health;
    private final Pages pages;
    private final CurrentUser currentUser;

    public HealthPages(Health health, Pages pages, CurrentUser currentUser) {
        this.health = health;
        this.pages = pages;
        this.currentUser = currentUser;
    }

    public void organisation(Context ctx) {
        Principal who = currentUser.require(ctx);
        List<TeamHealth> teams = health.board().organisation(health.pageWait()).stream()
                .filter(t -> who.canSeeTeam(t.team())).toList(); // members see their own teams' boards
        pages.render(ctx, "health/organisation.jte", new OrganisationModel(chrome(ctx, "Health"), teams, health.demo(),
                health.clock().instant()));
    }

    public void team(Context ctx) {
        String team = ctx.pathParam("team");
        TeamHealth found = health.board().team(team, health.pageWait())
                .orElseThrow(() -> ApiProblem.notFound("there is no team \"" + team + "\""));
        pages.render(ctx, "health/team.jte", new TeamModel(chrome(ctx, found.displayName() + " health"), found, health.demo(),
                health.clock().instant()));
    }

    public void service(Context ctx) {
        Selection s = Selection.of(ctx, health.dashboards());
        String name = s.service().name();
        // alarms and metrics share the page's wait for AWS
        Budget budget = Budget.of(health.pageWait());
        ServiceHealth state = health.board().services(List.of(s.service()), budget.left()).getFirst();
        Dashboard dashboard = health.dashboards().dashboard(s.service(), s.environment(), s.range(), budget.left());
        List<Choice> envs = s.service().environments().stream().map(e -> new Choice(e,
                "/services/" + name + "/health?env=" + e + "&range=" + s.range().id(), e.equals(s.environment()))).toList();
        List<Choice> ranges = java.util.Arrays.stream(Range.values()).map(r -> new Choice(r.id(),
                "/services/" + name + "/health?env=" + s.environment() + "&range=" + r.id(), r == s.range())).toList();
        String query = "?env=" + s.environment() + "&range=" + s.range().id();
        EnvironmentHealth shown = state.environments().stream().filter(e -> e.environment().equals(s.environment()))
                .findFirst().orElseThrow();
        pages.render(ctx, "health/service.jte", new ServiceModel(chrome(ctx, name + " health"), state, shown, dashboard,
                sections(dashboard), envs, ranges, "/api/v1/services/" + name + "/metrics" + query,
                "/api/v1/services/" + name + "/health", Math.max(60, Math.min(300, s.range().periodSeconds())), UPLOT_PATH,
                health.demo(), health.clock().instant()));
    }

    private static List<Section> sections(Dashboard dashboard) {
        Map<String, List<ChartView>> bySection = new LinkedHashMap<>();
        for (Dashboard.Chart c : dashboard.charts()) {
            bySection.computeIfAbsent(c.section(), k -> new ArrayList<>()).add(new ChartView(c, HealthJson.unitText(c, dashboard.range())));
        }
        return bySection.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue())).toList();
    }

    private Chrome chrome(Context ctx, String title) {
        return pages.chrome(ctx, title, "health");
    }

    private static String webjarVersion() {
        try (InputStream in = HealthPages.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the uplot webjar is missing from the classpath", e);
        }
    }
}
