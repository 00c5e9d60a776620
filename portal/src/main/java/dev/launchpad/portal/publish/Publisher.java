package dev.launchpad.portal.publish;

import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.SpecJson;
import dev.launchpad.portal.audit.AuditLog;
import dev.launchpad.portal.auth.User;
import dev.launchpad.portal.auth.UserRepository;
import dev.launchpad.portal.catalog.Service;
import dev.launchpad.portal.catalog.ServiceRepository;
import dev.launchpad.portal.catalog.TeamRepository;
import dev.launchpad.portal.config.GitTarget;
import dev.launchpad.portal.git.GitFacade;
import dev.launchpad.portal.git.PushOutcome;
import dev.launchpad.portal.git.RepositoryLayout;
import dev.launchpad.portal.runs.Run;
import dev.launchpad.portal.runs.RunEvents;
import dev.launchpad.portal.runs.RunLog;
import dev.launchpad.portal.runs.RunRepository;
import dev.launchpad.portal.runs.Step;
import dev.launchpad.portal.scaffold.Projects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a service as a run of steps: validate (and reserve the name), render, commit, push,
 * register. All or nothing: when a step fails, the reservation and any repository the run made are
 * removed, so the catalog never claims a repository that was not pushed, and the same spec can be
 * published again.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final int PUSH_TIMEOUT_SECONDS = 30;
    private static final PersonIdent COMMITTER = new PersonIdent("Launchpad", "launchpad@localhost");

    private final Projects projects;
    private final ServiceRepository services;
    private final TeamRepository teams;
    private final UserRepository users;
    private final RunRepository runs;
    private final RunEvents live;
    private final GitFacade git;
    private final RepositoryLayout layout;
    private final GitTarget target;
    private final AuditLog audit;
    private final ModulesPublication modules;
    private final Clock clock;
    private final String instanceId;

    public Publisher(Projects projects, ServiceRepository services, TeamRepository teams, UserRepository users,
                     RunRepository runs, RunEvents live, GitFacade git, RepositoryLayout layout, GitTarget target,
                     AuditLog audit, ModulesPublication modules, Clock clock, String instanceId) {
        this.projects = projects;
        this.services = services;
        this.teams = teams;
        this.users = users;
        this.runs = runs;
        this.live = live;
        this.git = git;
        this.layout = layout;
        this.target = target;
        this.audit = audit;
        this.modules = modules;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    /**
     * Records a new run for the spec, as this instance's; {@link #execute} then carries it out, now or on
     * another thread of this instance.
     */
    public RunLog begin(ProjectSpec spec, User user, String retryOf) {
        users.remember(user);
        Run run = new Run(UUID.randomUUID().toString(), "publish", spec.name(), spec.team(), SpecJson.write(spec),
                Run.Status.RUNNING, null, user.login(), retryOf, clock.instant(), null, instanceId);
        runs.create(run);
        RunLog log = new RunLog(run, runs, live, clock, 0);
        log.runStarted("Publishing " + spec.name() + " for team " + spec.team() + " as " + user.login()
                + (retryOf == null ? "" : " (retry of run " + retryOf + ")"));
        return log;
    }

    public PublishOutcome execute(RunLog log, ProjectSpec spec, User user) {
        String runId = log.run().id();
        Path local = layout.service(spec.team(), spec.name());
        boolean reserved = false;
        boolean madeLocal = false;
        Step step = Step.VALIDATE;
        GitFacade.Staged staged = null;
        try {
            log.started(step);
            if (teams.ensure(spec.team(), spec.team())) {
                audit.record(user.login(), "team.created", "team:" + spec.team(), "created while publishing " + spec.name());
                log.info(step, "team " + spec.team() + " is new and was added");
            }
            if (services.reserve(spec, SpecJson.write(spec), user.login(), runId, clock.instant())
                    instanceof ServiceRepository.Reservation.Taken) {
                return taken(log, spec, "the name " + spec.name() + " is already taken; service names are unique"
                        + " across all teams");
            }
            reserved = true;
            if (Files.exists(local)) {
                services.release(spec.name(), runId);
                return taken(log, spec, "the name " + spec.name() + " is already taken: a repository "
                        + spec.team() + "/" + spec.name() + ".git exists");
            }
            log.succeeded(step, "the spec is valid for blueprint " + spec.blueprintVersion() + " and the name "
                    + spec.name() + " is reserved");

            step = Step.RENDER;
            log.started(step);
            if (!modules.isDone()) {
                log.info(step, "waiting for the platform Terraform modules, which the project pins, to be published");
            }
            modules.await();
            GeneratedProject project = projects.render(spec);
            log.succeeded(step, project.files().size() + " files, " + project.totalBytes() + " bytes");

            step = Step.COMMIT;
            log.started(step);
            PersonIdent author = new PersonIdent(user.displayName(), user.email(), clock.instant(), clock.getZone());
            PersonIdent committer = new PersonIdent(COMMITTER, clock.instant(), clock.getZone());
            String message = "Create " + spec.name() + " from Launchpad blueprint " + spec.blueprintVersion() + "\n";
            ObjectId commit;
            if (target instanceof GitTarget.Embedded) {
                // The portal serves this repository itself: the commit is written straight into it, and the
                // push step only creates main. Until then there is nothing to clone.
                Files.createDirectories(local.getParent());
                madeLocal = true;
                commit = git.initBare(local, project.files(), author, committer, message);
            } else {
                staged = git.stage(project.files(), author, committer, message);
                commit = staged.commit();
            }
            log.succeeded(step, "commit " + commit.abbreviate(8).name() + " on " + GitFacade.BRANCH + " by "
                    + user.displayName() + " <" + user.email() + ">");

            step = Step.PUSH;
            log.started(step);
            String cloneUrl;
            PushOutcome pushed;
            switch (target) {
                case GitTarget.Embedded embedded -> {
                    cloneUrl = layout.cloneUrl(spec.team(), spec.name());
                    log.info(step, "pushing " + GitFacade.BRANCH + " to " + cloneUrl);
                    git.createBranch(local, commit);
                    pushed = new PushOutcome.Pushed(cloneUrl);
                }
                case GitTarget.Remote remote -> {
                    cloneUrl = remote.urlFor(spec.team(), spec.name());
                    log.info(step, "pushing " + GitFacade.BRANCH + " to " + cloneUrl);
                    pushed = git.push(staged, cloneUrl, new GitFacade.Credentials(remote.username(), remote.password()),
                            PUSH_TIMEOUT_SECONDS);
                }
            }
            switch (pushed) {
                case PushOutcome.Rejected rejected -> {
                    return fail(log, spec, step, reserved, madeLocal, "the remote rejected " + rejected.ref() + " ("
                            + rejected.status() + "): " + rejected.message());
                }
                case PushOutcome.Unreachable unreachable -> {
                    return fail(log, spec, step, reserved, madeLocal, "could not push to " + cloneUrl + ": "
                            + unreachable.message());
                }
                case PushOutcome.Pushed ok -> {
                    if (target instanceof GitTarget.Remote) {
                        // The portal keeps a read-only copy of what it pushed, for the service page: the same
                        // files, authors, times and message make the same commit.
                        Files.createDirectories(local.getParent());
                        madeLocal = true;
                        if (!git.initBare(local, project.files(), author, committer, message).equals(commit)) {
                            throw new IllegalStateException("could not keep a local copy of " + spec.name());
                        }
                        git.createBranch(local, commit);
                    }
                }
            }
            log.succeeded(step, "pushed " + commit.abbreviate(8).name() + " to " + cloneUrl);

            step = Step.REGISTER;
            log.started(step);
            if (!services.activate(spec.name(), runId, cloneUrl, commit.name())) {
                throw new IllegalStateException("the reservation of " + spec.name() + " disappeared during the run");
            }
            audit.record(user.login(), "service.published", "service:" + spec.name(),
                    "team " + spec.team() + ", commit " + commit.name() + ", run " + runId);
            Service service = services.find(spec.name()).orElseThrow();
            log.succeeded(step, "registered " + spec.name() + " in the catalog");
            log.finish(Run.Status.SUCCEEDED, "published " + spec.name() + "; clone it with: git clone " + cloneUrl);
            return new PublishOutcome.Published(runId, service, cloneUrl);
        } catch (IOException | RuntimeException e) {
            LOG.error("run {} failed in step {}", runId, step.id(), e);
            String message = e instanceof UncheckedIOException u ? u.getCause().toString() : e.toString();
            return fail(log, spec, step, reserved, madeLocal, "unexpected error: " + message);
        } finally {
            if (staged != null) {
                staged.close();
            }
        }
    }

    private PublishOutcome taken(RunLog log, ProjectSpec spec, String reason) {
        log.failed(Step.VALIDATE, reason);
        log.finish(Run.Status.FAILED, reason);
        return new PublishOutcome.NameTaken(log.run().id(), spec.name(), reason);
    }

    private PublishOutcome fail(RunLog log, ProjectSpec spec, Step step, boolean reserved, boolean madeLocal,
                                String message) {
        String runId = log.run().id();
        try {
            if (madeLocal) {
                git.delete(layout.service(spec.team(), spec.name()));
            }
            if (reserved) {
                services.release(spec.name(), runId);
            }
        } catch (RuntimeException e) {
            LOG.error("could not undo run {}", runId, e);
        }
        log.failed(step, message);
        log.finish(Run.Status.FAILED, step.title() + " failed: " + message);
        try {
            audit.record(log.run().requestedBy(), "run.failed", "service:" + spec.name(), "run " + runId + ": " + message);
        } catch (RuntimeException e) {
            LOG.error("could not audit the failure of run {}", runId, e);
        }
        return new PublishOutcome.Failed(runId, step.id(), message);
    }
}
