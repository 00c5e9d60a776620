package dev.launchpad.portal.publish;

import dev.launchpad.portal.catalog.ServiceRepository;
import dev.launchpad.portal.git.GitFacade;
import dev.launchpad.portal.git.RepositoryLayout;
import dev.launchpad.portal.runs.Run;
import dev.launchpad.portal.runs.RunEvents;
import dev.launchpad.portal.runs.RunLog;
import dev.launchpad.portal.runs.RunRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cleans up after a portal that stopped in the middle of publishing: at start-up no run can still be in
 * progress, so runs left 'running' are marked failed and whatever they had half made is removed.
 */
public final class Recovery {

    private final RunRepository runs;
    private final ServiceRepository services;
    private final IdempotencyKeys keys;
    private final RunEvents live;
    private final GitFacade git;
    private final RepositoryLayout layout;
    private final Clock clock;

    public Recovery(RunRepository runs, ServiceRepository services, IdempotencyKeys keys, RunEvents live, GitFacade git,
                    RepositoryLayout layout, Clock clock) {
        this.runs = runs;
        this.services = services;
        this.keys = keys;
        this.live = live;
        this.git = git;
        this.layout = layout;
        this.clock = clock;
    }

    /** Returns the ids of the runs it marked failed. */
    public List<String> recover() {
        List<String> failed = new ArrayList<>();
        for (Run run : runs.running()) {
            RunLog log = new RunLog(run, runs, live, clock, runs.lastSeq(run.id()));
            Optional<ServiceRepository.Claim> claim = services.claim(run.serviceName())
                    .filter(c -> c.runId().equals(run.id()));
            if (claim.isPresent() && "active".equals(claim.get().status())) {
                log.finish(Run.Status.SUCCEEDED, "the portal stopped after registering " + run.serviceName()
                        + "; the service is published");
                continue;
            }
            if (claim.isPresent()) {
                services.release(run.serviceName(), run.id());
            }
            Path repository = layout.service(run.team(), run.serviceName());
            if (services.claim(run.serviceName()).isEmpty() && !repository.equals(layout.platformModules())) {
                git.delete(repository);
            }
            log.finish(Run.Status.FAILED, "the portal stopped while this run was in progress; its reservation and"
                    + " half-made repository were removed and nothing was published. Retry the run to publish again.");
            failed.add(run.id());
        }
        keys.forgetUnfinished();
        return failed;
    }
}
