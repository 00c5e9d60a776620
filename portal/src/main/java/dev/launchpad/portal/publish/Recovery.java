package dev.launchpad.portal.publish;

import dev.launchpad.portal.catalog.ServiceRepository;
import dev.launchpad.portal.db.Leases;
import dev.launchpad.portal.git.GitFacade;
import dev.launchpad.portal.git.RepositoryLayout;
import dev.launchpad.portal.runs.Run;
import dev.launchpad.portal.runs.RunEvents;
import dev.launchpad.portal.runs.RunLog;
import dev.launchpad.portal.runs.RunRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Cleans up after a portal instance that stopped in the middle of publishing: its runs left 'running' are
 * marked failed and whatever they had half made is removed.
 *
 * <p>Each run records the instance executing it, and each live instance holds the lease
 * {@code instance:<id>} ({@link #livenessLease}). A run is interrupted when its instance is this one restarting
 * ({@link #recoverAtStart}), or when its instance's lease has expired ({@link #sweep}, which every instance
 * runs periodically). Two instances may recover one run at once: only the one whose update of the run from
 * 'running' succeeds cleans up after it.
 */
public final class Recovery {

    private static final String STOPPED = "the portal stopped while this run was in progress; its reservation and"
            + " half-made repository were removed and nothing was published. Retry the run to publish again.";

    private final RunRepository runs;
    private final ServiceRepository services;
    private final IdempotencyKeys keys;
    private final RunEvents live;
    private final GitFacade git;
    private final RepositoryLayout layout;
    private final Clock clock;
    private final Leases leases;
    private final String instanceId;

    public Recovery(RunRepository runs, ServiceRepository services, IdempotencyKeys keys, RunEvents live, GitFacade git,
                    RepositoryLayout layout, Clock clock, Leases leases, String instanceId) {
        this.runs = runs;
        this.services = services;
        this.keys = keys;
        this.live = live;
        this.git = git;
        this.layout = layout;
        this.clock = clock;
        this.leases = leases;
        this.instanceId = instanceId;
    }

    /** The lease an instance holds while it is alive. */
    public static String livenessLease(String instanceId) {
        return "instance:" + instanceId;
    }

    /**
     * Before this instance serves: fails its own runs (it was restarted), runs that name no instance (recorded
     * before runs did), and the runs of instances that are gone. Returns the ids of the runs it marked failed.
     */
    public List<String> recoverAtStart() {
        Predicate<String> gone = gone();
        List<String> failed = recover(run -> run.instanceId() == null || run.instanceId().equals(instanceId)
                || gone.test(run.instanceId()));
        keys.forgetUnfinished();
        return failed;
    }

    /** While this instance serves: fails the runs of other instances whose liveness lease has expired. */
    public List<String> sweep() {
        Predicate<String> gone = gone();
        return recover(run -> run.instanceId() != null && !run.instanceId().equals(instanceId)
                && gone.test(run.instanceId()));
    }

    /** Whether an instance holds no liveness lease, asked once per instance and after the runs are listed. */
    private Predicate<String> gone() {
        Map<String, Boolean> answers = new HashMap<>();
        return id -> answers.computeIfAbsent(id, i -> leases.holderOf(livenessLease(i)).isEmpty());
    }

    private List<String> recover(Predicate<Run> interrupted) {
        List<String> failed = new ArrayList<>();
        for (Run run : runs.running()) {
            if (!interrupted.test(run)) {
                continue;
            }
            RunLog log = new RunLog(run, runs, live, clock, runs.lastSeq(run.id()));
            Optional<ServiceRepository.Claim> claim = services.claim(run.serviceName())
                    .filter(c -> c.runId().equals(run.id()));
            if (claim.isPresent() && "active".equals(claim.get().status())) {
                log.finishIfRunning(Run.Status.SUCCEEDED, "the portal stopped after registering " + run.serviceName()
                        + "; the service is published");
                continue;
            }
            if (!log.finishIfRunning(Run.Status.FAILED, STOPPED)) {
                continue; // another instance recovered it first, and cleans up after it
            }
            if (claim.isPresent()) {
                services.release(run.serviceName(), run.id());
            }
            Path repository = layout.service(run.team(), run.serviceName());
            if (services.claim(run.serviceName()).isEmpty() && !repository.equals(layout.platformModules())) {
                git.delete(repository);
            }
            failed.add(run.id());
        }
        return failed;
    }
}
