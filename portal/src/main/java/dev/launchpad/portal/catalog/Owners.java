package dev.launchpad.portal.catalog;

import dev.launchpad.portal.auth.TeamOf;
import dev.launchpad.portal.runs.Run;
import dev.launchpad.portal.runs.RunRepository;

/** Which team owns the service or run a path names: what access rules about "their team" look up. */
public final class Owners {

    private final ServiceRepository services;
    private final RunRepository runs;

    public Owners(ServiceRepository services, RunRepository runs) {
        this.services = services;
        this.runs = runs;
    }

    /** The team of the service named by the {@code {name}} path parameter. */
    public TeamOf service() {
        return ctx -> services.teamOf(ctx.pathParam("name"));
    }

    /** The team of the run named by the {@code {id}} path parameter. */
    public TeamOf run() {
        return ctx -> runs.find(ctx.pathParam("id")).map(Run::team);
    }

    /** The team named by the {@code {team}} path parameter. */
    public TeamOf team() {
        return TeamOf.pathParam("team");
    }
}
