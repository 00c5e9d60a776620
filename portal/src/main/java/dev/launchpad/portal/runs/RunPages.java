package dev.launchpad.portal.runs;

import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.Validation;
import dev.launchpad.portal.auth.CurrentUser;
import dev.launchpad.portal.auth.User;
import dev.launchpad.portal.publish.Publisher;
import dev.launchpad.portal.scaffold.Projects;
import dev.launchpad.portal.web.ApiProblem;
import dev.launchpad.portal.web.Chrome;
import dev.launchpad.portal.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.concurrent.Executor;

/** A run's page, which follows the run live, and the retry of a failed run from the browser. */
public final class RunPages {

    /** The run page. */
    public record Model(Chrome chrome, RunView run) {
    }

    private final RunsApi runs;
    private final RunRepository repository;
    private final Projects projects;
    private final Publisher publisher;
    private final CurrentUser currentUser;
    private final Pages pages;
    private final Executor runner;

    public RunPages(RunsApi runs, RunRepository repository, Projects projects, Publisher publisher,
                    CurrentUser currentUser, Pages pages, Executor runner) {
        this.runs = runs;
        this.repository = repository;
        this.projects = projects;
        this.publisher = publisher;
        this.currentUser = currentUser;
        this.pages = pages;
        this.runner = runner;
    }

    public void show(Context ctx) {
        RunView run = runs.view(ctx.pathParam("id"));
        pages.render(ctx, "runs/run.jte", new Model(pages.chrome(ctx, "Publishing " + run.service(), "new"), run));
    }

    public void retry(Context ctx) {
        String id = ctx.pathParam("id");
        Run run = repository.find(id).orElseThrow(() -> ApiProblem.notFound("there is no run " + id));
        if (run.status() != Run.Status.FAILED) {
            throw new ApiProblem(409, "run-not-failed", "Run cannot be retried", "only failed runs can be retried");
        }
        if (!(projects.validate(run.specJson()) instanceof Validation.Valid valid)) {
            throw new ApiProblem(400, "invalid-spec", "Spec no longer valid",
                    "the spec of this run is not valid for blueprint " + projects.blueprint().version());
        }
        ProjectSpec spec = valid.spec();
        User user = currentUser.of(ctx);
        RunLog log = publisher.begin(spec, user, run.id());
        runner.execute(() -> publisher.execute(log, spec, user));
        ctx.redirect("/runs/" + log.run().id(), HttpStatus.SEE_OTHER);
    }
}
