package dev.launchpad.portal.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.portal.auth.CurrentUser;
import dev.launchpad.portal.auth.Guard;
import dev.launchpad.portal.auth.User;
import dev.launchpad.portal.catalog.ServiceView;
import dev.launchpad.portal.cost.EstimateRecorder;
import dev.launchpad.portal.runs.Run;
import dev.launchpad.portal.runs.RunLog;
import dev.launchpad.portal.runs.RunRepository;
import dev.launchpad.portal.scaffold.Projects;
import dev.launchpad.portal.scaffold.ScaffoldApi;
import dev.launchpad.portal.web.ApiProblem;
import dev.launchpad.portal.web.SpecBody;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

/** Publishing over HTTP: {@code POST /api/v1/services} and retries of failed runs. */
public final class PublishApi {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + IdempotencyKeys.MAX_LENGTH + "}");

    private final Projects projects;
    private final Publisher publisher;
    private final RunRepository runs;
    private final IdempotencyKeys keys;
    private final CurrentUser currentUser;
    private final ObjectMapper json;
    private final EstimateRecorder estimates;
    private final ExecutorService runner;

    /**
     * @param runner runs each publish, so that closing the portal waits for the ones under way as it does for
     *               those started from the form; the request waits for its publish there
     */
    public PublishApi(Projects projects, Publisher publisher, RunRepository runs, IdempotencyKeys keys,
                      CurrentUser currentUser, ObjectMapper json, EstimateRecorder estimates, ExecutorService runner) {
        this.projects = projects;
        this.publisher = publisher;
        this.runs = runs;
        this.keys = keys;
        this.currentUser = currentUser;
        this.json = json;
        this.estimates = estimates;
        this.runner = runner;
    }

    public void create(Context ctx) throws Exception {
        String body = SpecBody.read(ctx);
        User user = currentUser.of(ctx);
        String key = ctx.header("Idempotency-Key");
        if (key == null) {
            publish(ctx, ScaffoldApi.valid(projects.validate(body)), user, null);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            throw new ApiProblem(400, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to " + IdempotencyKeys.MAX_LENGTH + " visible ASCII characters");
        }
        switch (keys.claim(user.login(), key, body)) {
            case IdempotencyKeys.Claim.Replay replay -> {
                ctx.status(replay.status()).header("Idempotent-Replayed", "true").header("Location", replay.location())
                        .contentType("application/json").result(replay.body());
                return;
            }
            case IdempotencyKeys.Claim.InProgress inProgress -> throw new ApiProblem(409, "idempotency-key-in-use",
                    "Request in progress", "a request with this Idempotency-Key is still being handled; retry shortly");
            case IdempotencyKeys.Claim.Mismatch mismatch -> throw new ApiProblem(422, "idempotency-key-reused",
                    "Idempotency-Key reused", "this Idempotency-Key was already used with a different request body");
            case IdempotencyKeys.Claim.Claimed claimed -> {
                // go on below
            }
        }
        boolean done = false;
        try {
            Published published = publish(ctx, ScaffoldApi.valid(projects.validate(body)), user, null);
            keys.complete(user.login(), key, 201, published.location(), published.body());
            done = true;
        } finally {
            if (!done) {
                keys.release(user.login(), key);
            }
        }
    }

    public void retry(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        Run run = runs.find(id).orElseThrow(() -> ApiProblem.notFound("there is no run " + id));
        if (run.status() != Run.Status.FAILED) {
            throw new ApiProblem(409, "run-not-failed", "Run cannot be retried",
                    "run " + id + " is " + run.status().id() + "; only failed runs can be retried");
        }
        publish(ctx, ScaffoldApi.valid(projects.validate(run.specJson())), currentUser.of(ctx), run.id());
    }

    private record Published(String location, String body) {
    }

    private Published publish(Context ctx, ProjectSpec spec, User user, String retryOf) throws Exception {
        if (!currentUser.require(ctx).canScaffoldFor(spec.team())) {
            throw Guard.forbidden("you may publish only for your own teams; you are not a member of team " + spec.team());
        }
        // A retry keeps the estimate of the run it retries; a new publish is estimated with the query's assumptions.
        var assumptions = retryOf == null ? estimates.fromQuery(spec, ctx.queryParamMap()) : null;
        RunLog log = publisher.begin(spec, user, retryOf);
        if (assumptions != null) {
            estimates.record(log.run().id(), spec, assumptions);
        }
        PublishOutcome outcome;
        try {
            outcome = runner.submit(() -> publisher.execute(log, spec, user)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return switch (outcome) {
            case PublishOutcome.Published p -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("service", ServiceView.of(p.service()));
                body.put("runId", p.runId());
                body.put("cloneUrl", p.cloneUrl());
                body.put("links", Map.of("service", "/api/v1/services/" + spec.name(), "run", "/api/v1/runs/" + p.runId(),
                        "page", "/services/" + spec.name()));
                String location = "/api/v1/services/" + spec.name();
                String text = json.writeValueAsString(body);
                ctx.status(201).header("Location", location).contentType("application/json").result(text);
                yield new Published(location, text);
            }
            case PublishOutcome.NameTaken t -> throw new ApiProblem(409, "name-taken", "Name taken", t.reason(),
                    List.of(new dev.launchpad.blueprint.spec.Problem("name", t.reason())), Map.of("runId", t.runId()));
            case PublishOutcome.Failed f -> throw new ApiProblem("push".equals(f.step()) ? 502 : 500, "publish-failed",
                    "Publishing failed", f.message(), List.of(), Map.of("runId", f.runId(), "step", f.step(),
                    "retry", "/api/v1/runs/" + f.runId() + "/retry"));
        };
    }
}
