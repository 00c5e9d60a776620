package dev.launchpad.portal.scaffold;

import dev.launchpad.blueprint.spec.Problem;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.Validation;
import dev.launchpad.portal.auth.CurrentUser;
import dev.launchpad.portal.auth.Principal;
import dev.launchpad.portal.auth.User;
import dev.launchpad.portal.catalog.ServiceRepository;
import dev.launchpad.portal.cost.EstimateRecorder;
import dev.launchpad.portal.catalog.Team;
import dev.launchpad.portal.catalog.TeamRepository;
import dev.launchpad.portal.publish.Publisher;
import dev.launchpad.portal.runs.RunLog;
import dev.launchpad.portal.web.Pages;
import io.javalin.http.Context;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The new-service page: the form, its submission (which starts a publish run and sends the browser to
 * the run's page) and the zip download. Works without JavaScript; the page's script adds the live preview.
 */
public final class NewServicePage {

    private final Projects projects;
    private final Publisher publisher;
    private final ServiceRepository services;
    private final TeamRepository teams;
    private final CurrentUser currentUser;
    private final Pages pages;
    private final Executor runner;
    private final EstimateRecorder estimates;

    public NewServicePage(Projects projects, Publisher publisher, ServiceRepository services, TeamRepository teams,
                          CurrentUser currentUser, Pages pages, Executor runner, EstimateRecorder estimates) {
        this.projects = projects;
        this.publisher = publisher;
        this.services = services;
        this.teams = teams;
        this.currentUser = currentUser;
        this.pages = pages;
        this.runner = runner;
        this.estimates = estimates;
    }

    public void form(Context ctx) {
        show(ctx, ServiceForm.blank(projects.blueprint().catalog()), FormErrors.NONE);
    }

    public void create(Context ctx) {
        ServiceForm form = ServiceForm.from(ctx.formParamMap(), projects.blueprint().catalog());
        switch (projects.validate(form.toSpecJson(projects.blueprint().catalog()))) {
            case Validation.Invalid invalid -> {
                ctx.status(400);
                show(ctx, form, FormErrors.of(invalid.problems()));
            }
            case Validation.Valid valid -> {
                ProjectSpec spec = valid.spec();
                if (services.exists(spec.name())) {
                    ctx.status(409);
                    show(ctx, form, FormErrors.of(List.of(new Problem("name", "is already taken: \"" + spec.name()
                            + "\" exists in the catalog; service names are unique across all teams"))));
                    return;
                }
                Principal principal = currentUser.require(ctx);
                if (!principal.canScaffoldFor(spec.team())) {
                    ctx.status(403);
                    show(ctx, form, FormErrors.of(List.of(new Problem("team", "must be one of your teams ("
                            + String.join(", ", principal.teams().keySet()) + "); you are not a member of \""
                            + spec.team() + "\""))));
                    return;
                }
                User user = principal.user();
                RunLog log = publisher.begin(spec, user, null);
                estimates.record(log.run().id(), spec, estimates.fromForm(spec, ctx.formParamMap()));
                runner.execute(() -> publisher.execute(log, spec, user));
                ctx.redirect("/runs/" + log.run().id(), io.javalin.http.HttpStatus.SEE_OTHER);
            }
        }
    }

    public void zip(Context ctx) {
        ServiceForm form = ServiceForm.from(ctx.formParamMap(), projects.blueprint().catalog());
        switch (projects.validate(form.toSpecJson(projects.blueprint().catalog()))) {
            case Validation.Invalid invalid -> {
                ctx.status(400);
                show(ctx, form, FormErrors.of(invalid.problems()));
            }
            case Validation.Valid valid -> ctx.contentType("application/zip")
                    .header("Content-Disposition", "attachment; filename=\"" + valid.spec().name() + ".zip\"")
                    .result(projects.zip(valid.spec()));
        }
    }

    private void show(Context ctx, ServiceForm form, FormErrors errors) {
        pages.render(ctx, "scaffold/new.jte", NewServiceModel.of(
                pages.chrome(ctx, "New service", "new"), form, teamsOf(ctx),
                projects.blueprint().catalog(), errors));
    }

    /** The teams the user may publish for: all of them for an admin. */
    private List<Team> teamsOf(Context ctx) {
        Principal principal = currentUser.require(ctx);
        return teams.all().stream().filter(t -> principal.canSeeTeam(t.id())).toList();
    }
}
