package dev.launchpad.portal.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.launchpad.blueprint.catalog.FeatureCatalog;
import dev.launchpad.blueprint.cost.Assumptions;
import dev.launchpad.blueprint.cost.CostEstimate;
import dev.launchpad.blueprint.spec.Problem;
import dev.launchpad.blueprint.spec.SpecJson;
import dev.launchpad.blueprint.spec.Validation;
import dev.launchpad.portal.auth.CurrentUser;
import dev.launchpad.portal.cost.CostView.Chart;
import dev.launchpad.portal.scaffold.ServiceForm;
import dev.launchpad.portal.web.ApiProblem;
import dev.launchpad.portal.web.Chrome;
import dev.launchpad.portal.web.Pages;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** The cost pages: the organisation, a team, a service, and the new-service form's estimate panel. */
public final class CostPages {

    /** The uPlot webjar's files, by its version from its Maven metadata, so the pages follow the dependency. */
    public static final String UPLOT_PATH = "/webjars/uplot/" + webjarVersion() + "/dist/";

    /** A cost page: its chrome, its figures, and its chart as JSON for the chart script. */
    public record OrgPage(Chrome chrome, OrgCostView cost, String chartJson) {
    }

    public record TeamPage(Chrome chrome, TeamCostView cost, String chartJson) {
    }

    public record ServicePage(Chrome chrome, ServiceCostView cost) {
    }

    /**
     * The estimate panel of the new-service form: the estimate, or why there is none yet.
     *
     * @param problems what is wrong with the assumptions or the features, each with its field
     */
    public record EstimatePanel(CostEstimate estimate, List<Problem> problems) {
    }

    private final CostReports reports;
    private final Estimator estimator;
    private final CurrentUser currentUser;
    private final Pages pages;
    private final ObjectMapper json;

    public CostPages(CostReports reports, Estimator estimator, CurrentUser currentUser, Pages pages, ObjectMapper json) {
        this.reports = reports;
        this.estimator = estimator;
        this.currentUser = currentUser;
        this.pages = pages;
        this.json = json;
    }

    public void organisation(Context ctx) {
        OrgCostView cost = reports.organisation();
        pages.render(ctx, "cost/organisation.jte", new OrgPage(chrome(ctx, "Cost"), cost, chart(cost.trend())));
    }

    public void team(Context ctx) {
        String team = ctx.pathParam("team");
        TeamCostView cost = reports.team(team).orElseThrow(() -> ApiProblem.notFound("there is no team " + team));
        pages.render(ctx, "cost/team.jte", new TeamPage(chrome(ctx, "Cost of " + cost.teamName()), cost, chart(cost.trend())));
    }

    public void service(Context ctx) {
        String name = ctx.pathParam("name");
        ServiceCostView cost = reports.service(name).orElseThrow(() -> ApiProblem.notFound("there is no service " + name));
        pages.render(ctx, "cost/service.jte", new ServicePage(chrome(ctx, "Cost of " + name), cost));
    }

    /**
     * The form's estimate, rendered here so the browser only swaps it in. Name, team and description do not
     * change what a service costs, so placeholders stand in for them until they are filled in correctly.
     */
    public void estimate(Context ctx) {
        FeatureCatalog catalog = estimator.blueprint().catalog();
        ServiceForm form = ServiceForm.from(ctx.formParamMap(), catalog);
        ObjectNode spec;
        try {
            spec = (ObjectNode) SpecJson.mapper().readTree(form.toSpecJson(catalog));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        spec.put("name", "cost-estimate").put("team", "estimate").put("description", "Cost estimate");
        spec.remove("javaPackage");
        if (spec.path("environments").isEmpty()) {
            spec.remove("environments");
        }
        EstimatePanel panel = switch (estimator.blueprint().validate(spec)) {
            case Validation.Invalid invalid -> new EstimatePanel(null, invalid.problems());
            case Validation.Valid valid -> switch (estimator.estimate(valid.spec(), Estimator.fromForm(ctx.formParamMap()))) {
                case Estimator.Outcome.Estimated e -> new EstimatePanel(e.estimate(), List.of());
                case Estimator.Outcome.Invalid i -> new EstimatePanel(null, new ArrayList<>(i.problems()));
            };
        };
        pages.render(ctx, "cost/estimate.jte", panel);
    }

    private Chrome chrome(Context ctx, String title) {
        return pages.chrome(ctx, title, "cost");
    }

    private String chart(Chart chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String webjarVersion() {
        try (java.io.InputStream in = CostPages.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the uplot webjar is missing from the classpath", e);
        }
    }

    /** The assumption fields of the form, with their defaults. */
    public static List<Assumptions.Field> assumptionFields() {
        return Assumptions.FIELDS;
    }
}
