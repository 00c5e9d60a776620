package dev.launchpad.portal.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.blueprint.cost.Assumptions;
import dev.launchpad.blueprint.cost.CostEstimate;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.portal.catalog.Service;
import dev.launchpad.portal.db.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The estimates made when services were published, one per publish run. A service's estimate is the one
 * of the run that registered it, or of the run that run retried.
 */
public final class CostEstimates {

    /** An estimate as stored: its headline figures and the whole estimate as the API shows it. */
    public record Stored(String runId, String service, Instant createdAt, String pricesAsOf, int environments,
                         double perEnvironmentUsd, double monthlyUsd, Map<String, Object> assumptions,
                         Map<String, Object> estimate) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public CostEstimates(Jdbc jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps the estimate of a publish run; a run is estimated once, so a repeat is ignored. */
    public void record(String runId, ProjectSpec spec, CostEstimate estimate) {
        try {
            Map<String, Object> body = EstimateJson.of(estimate);
            jdbc.update("insert into cost_estimates (run_id, service_name, region, price_region, prices_as_of,"
                            + " environments, per_env_usd, monthly_usd, assumptions_json, estimate_json, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    runId, spec.name(), estimate.region(), estimate.priceRegion(), estimate.pricesAsOf(),
                    estimate.environments().size(), EstimateJson.usd(estimate.perEnvironmentUsd()),
                    EstimateJson.usd(estimate.allEnvironmentsUsd()), json.writeValueAsString(body.get("assumptions")),
                    json.writeValueAsString(body), clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            if (!Jdbc.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** The estimate stored when {@code service} was published, following retries back to the first run. */
    public Optional<Stored> of(Service service) {
        String runId = service.runId();
        for (int hops = 0; runId != null && hops < 20; hops++) {
            Optional<Stored> stored = byRun(runId);
            if (stored.isPresent()) {
                return stored;
            }
            runId = jdbc.one("select retry_of from runs where id = ?", rs -> rs.getString(1), runId).orElse(null);
        }
        return Optional.empty();
    }

    private Optional<Stored> byRun(String runId) {
        return jdbc.one("select run_id, service_name, created_at, prices_as_of, environments, per_env_usd, monthly_usd,"
                + " assumptions_json, estimate_json from cost_estimates where run_id = ?", rs -> {
                    try {
                        return new Stored(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "created_at"),
                                rs.getString(4), rs.getInt(5), rs.getDouble(6), rs.getDouble(7),
                                json.readValue(rs.getString(8), MAP), json.readValue(rs.getString(9), MAP));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored estimate of run " + runId + " is not JSON", e);
                    }
                }, runId);
    }

    /** Assumptions a publish request carries, or the defaults when they are not valid for the spec. */
    public static Assumptions usable(Assumptions.Parsed parsed, ProjectSpec spec) {
        if (parsed instanceof Assumptions.Parsed.Valid valid && valid.assumptions().problemsWith(spec).isEmpty()) {
            return valid.assumptions();
        }
        return Assumptions.DEFAULTS;
    }
}
