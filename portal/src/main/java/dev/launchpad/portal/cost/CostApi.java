package dev.launchpad.portal.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.cost.CostEstimate;
import dev.launchpad.blueprint.spec.Problem;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.SpecJson;
import dev.launchpad.blueprint.spec.Validation;
import dev.launchpad.portal.web.ApiProblem;
import dev.launchpad.portal.web.SpecBody;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Cost over HTTP: a team's and a service's cost from the cache, and estimates of specs. An estimate takes
 * {@code {"spec": {...}, "assumptions": {...}}}: the spec exactly as every other endpoint takes it, the
 * assumptions beside it, since they describe traffic, not the service.
 */
public final class CostApi {

    private final CostReports reports;
    private final Estimator estimator;

    public CostApi(CostReports reports, Estimator estimator) {
        this.reports = reports;
        this.estimator = estimator;
    }

    public void team(Context ctx) {
        String team = ctx.pathParam("team");
        ctx.json(reports.team(team).orElseThrow(() -> ApiProblem.notFound("there is no team " + team)));
    }

    public void service(Context ctx) {
        String name = ctx.pathParam("name");
        ctx.json(reports.service(name).orElseThrow(() -> ApiProblem.notFound("there is no service " + name)));
    }

    public void estimate(Context ctx) {
        JsonNode body = switch (SpecJson.parse(SpecBody.read(ctx))) {
            case SpecJson.Parsed.Ok ok -> ok.node();
            case SpecJson.Parsed.Malformed bad -> throw ApiProblem.invalidSpec(List.of(bad.problem()));
        };
        if (!body.isObject() || !body.has("spec")) {
            throw new ApiProblem(400, "invalid-estimate-request", "Invalid estimate request",
                    "send {\"spec\": <the spec>, \"assumptions\": {...}}; assumptions may be left out for the defaults",
                    List.of(new Problem("spec", "is required")), Map.of());
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!field.equals("spec") && !field.equals("assumptions")) {
                throw new ApiProblem(400, "invalid-estimate-request", "Invalid estimate request",
                        field + " is not a field of an estimate request; the fields are spec and assumptions",
                        List.of(new Problem(field, "unknown field; the fields are spec, assumptions")), Map.of());
            }
        });
        ProjectSpec spec = switch (estimator.blueprint().validate(body.get("spec"))) {
            case Validation.Valid valid -> valid.spec();
            case Validation.Invalid invalid -> throw ApiProblem.invalidSpec(invalid.problems().stream()
                    .map(p -> new Problem(p.field().isEmpty() ? "spec" : "spec." + p.field(), p.message())).toList());
        };
        CostEstimate estimate = estimator.estimateOrThrow(spec, Estimator.fromJson(body.get("assumptions")));
        ctx.json(EstimateJson.of(estimate));
    }

    /** The estimate a preview includes: its assumptions are the request's query parameters, or the defaults. */
    public static Map<String, Object> forPreview(Blueprint blueprint, ProjectSpec spec, Context ctx) {
        return EstimateJson.of(new Estimator(blueprint).estimateOrThrow(spec, Estimator.fromQuery(ctx.queryParamMap())));
    }
}
