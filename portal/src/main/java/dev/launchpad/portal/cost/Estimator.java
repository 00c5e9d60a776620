package dev.launchpad.portal.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.cost.Assumptions;
import dev.launchpad.blueprint.cost.CostEstimate;
import dev.launchpad.blueprint.spec.Problem;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.portal.web.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blueprint's cost model as the portal uses it: assumptions from query parameters, form fields or JSON,
 * checked against the spec, and the estimate.
 */
public final class Estimator {

    /** Form fields of assumptions are named {@code assumption.<id>}, beside the spec's fields. */
    public static final String FORM_PREFIX = "assumption.";

    private final Blueprint blueprint;

    public Estimator(Blueprint blueprint) {
        this.blueprint = blueprint;
    }

    public Blueprint blueprint() {
        return blueprint;
    }

    /** The outcome: an estimate, or the problems with the assumptions, each naming its field. */
    public sealed interface Outcome {
        record Estimated(CostEstimate estimate) implements Outcome {
        }

        record Invalid(List<Problem> problems) implements Outcome {
        }
    }

    public Outcome estimate(ProjectSpec spec, Assumptions.Parsed parsed) {
        return switch (parsed) {
            case Assumptions.Parsed.Invalid invalid -> new Outcome.Invalid(invalid.problems());
            case Assumptions.Parsed.Valid valid -> {
                List<Problem> problems = valid.assumptions().problemsWith(spec);
                yield problems.isEmpty()
                        ? new Outcome.Estimated(blueprint.costs().estimate(spec, valid.assumptions()))
                        : new Outcome.Invalid(problems);
            }
        };
    }

    /** For the API: the estimate, or a 400 problem listing what is wrong with the assumptions. */
    public CostEstimate estimateOrThrow(ProjectSpec spec, Assumptions.Parsed parsed) {
        return switch (estimate(spec, parsed)) {
            case Outcome.Estimated e -> e.estimate();
            case Outcome.Invalid i -> throw invalid(i.problems());
        };
    }

    public static Assumptions.Parsed fromQuery(Map<String, List<String>> query) {
        Map<String, String> text = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (!v.isEmpty()) {
                text.put(k, v.getFirst());
            }
        });
        return Assumptions.fromText(text);
    }

    public static Assumptions.Parsed fromForm(Map<String, List<String>> form) {
        Map<String, String> text = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(FORM_PREFIX) && !v.isEmpty()) {
                text.put(k.substring(FORM_PREFIX.length()), v.getLast());
            }
        });
        return Assumptions.fromText(text);
    }

    public static Assumptions.Parsed fromJson(JsonNode assumptions) {
        return Assumptions.fromJson(assumptions);
    }

    public static ApiProblem invalid(List<Problem> problems) {
        String detail = problems.size() == 1
                ? problems.getFirst().field() + " " + problems.getFirst().message()
                : problems.size() + " problems with the assumptions; see errors";
        return new ApiProblem(400, "invalid-assumptions", "Invalid assumptions", detail, new ArrayList<>(problems), Map.of());
    }
}
