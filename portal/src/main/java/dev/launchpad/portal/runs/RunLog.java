package dev.launchpad.portal.runs;

import java.time.Clock;

/** Writes one run's events, in order, to the database and to whoever follows the run live. */
public final class RunLog {

    private final Run run;
    private final RunRepository runs;
    private final RunEvents live;
    private final Clock clock;
    private int seq;

    public RunLog(Run run, RunRepository runs, RunEvents live, Clock clock, int lastSeq) {
        this.run = run;
        this.runs = runs;
        this.live = live;
        this.clock = clock;
        this.seq = lastSeq;
    }

    public Run run() {
        return run;
    }

    public void started(Step step) {
        emit(step.id(), "started", step.purpose());
    }

    public void info(Step step, String message) {
        emit(step.id(), "info", message);
    }

    public void succeeded(Step step, String message) {
        emit(step.id(), "succeeded", message);
    }

    public void failed(Step step, String message) {
        emit(step.id(), "failed", message);
    }

    public void runStarted(String message) {
        emit(RunEvent.RUN, "started", message);
    }

    /** Records the run's end; the last event a follower receives. */
    public void finish(Run.Status status, String message) {
        runs.finish(run.id(), status, status == Run.Status.FAILED ? message : null, clock.instant());
        emit(RunEvent.RUN, status.id(), message);
    }

    /** The same, unless the run has ended already (another instance recovered it): then false, and nothing is recorded. */
    public boolean finishIfRunning(Run.Status status, String message) {
        if (!runs.finishIfRunning(run.id(), status, status == Run.Status.FAILED ? message : null, clock.instant())) {
            return false;
        }
        emit(RunEvent.RUN, status.id(), message);
        return true;
    }

    private synchronized void emit(String step, String status, String message) {
        RunEvent event = new RunEvent(run.id(), ++seq, step, status, message, clock.instant());
        runs.append(event);
        live.emit(event);
    }
}
