package dev.launchpad.portal.cost;

import dev.launchpad.blueprint.cost.Assumptions;
import dev.launchpad.blueprint.spec.ProjectSpec;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the estimate of each publish run, with the assumptions the request carried: the form's
 * {@code assumption.*} fields, or the API's query parameters.
 */
public final class EstimateRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(EstimateRecorder.class);

    private final Estimator estimator;
    private final CostEstimates estimates;

    public EstimateRecorder(Estimator estimator, CostEstimates estimates) {
        this.estimator = estimator;
        this.estimates = estimates;
    }

    /** The API's assumptions for a spec about to be published; a 400 problem if they are wrong. */
    public Assumptions fromQuery(ProjectSpec spec, Map<String, List<String>> query) {
        return switch (estimator.estimate(spec, Estimator.fromQuery(query))) {
            case Estimator.Outcome.Estimated e -> e.estimate().assumptions();
            case Estimator.Outcome.Invalid i -> throw Estimator.invalid(i.problems());
        };
    }

    /** The form's assumptions; the defaults where the form's are not valid (the page shows those problems live). */
    public Assumptions fromForm(ProjectSpec spec, Map<String, List<String>> form) {
        return CostEstimates.usable(Estimator.fromForm(form), spec);
    }

    /** Stores the run's estimate. A failure here must not fail the publish, so it is logged instead. */
    public void record(String runId, ProjectSpec spec, Assumptions assumptions) {
        try {
            estimates.record(runId, spec, estimator.blueprint().costs().estimate(spec, assumptions));
        } catch (RuntimeException e) {
            LOG.error("could not store the cost estimate of run {}", runId, e);
        }
    }
}
