package dev.launchpad.portal.publish;

import dev.launchpad.portal.audit.AuditLog;
import dev.launchpad.portal.git.PlatformModules;
import dev.launchpad.portal.git.RepositoryLayout;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publication of the platform Terraform modules that each start sets going. Generated projects pin
 * the modules' tag, so a publish run waits for it (and fails if it failed) before it renders. Pages do
 * not: on a restart, when this version's tag exists already, the modules are compared (and committed
 * again if they changed) a few seconds after the portal serves, or as soon as a run needs them.
 */
public final class ModulesPublication {

    private static final Logger LOG = LoggerFactory.getLogger(ModulesPublication.class);

    /** Far longer than committing the modules ever takes; a run that waits this long fails instead of hanging. */
    static final Duration PATIENCE = Duration.ofMinutes(2);
    /** Leaves the first pages after a start their CPU. */
    private static final Duration AFTER_SERVING = Duration.ofSeconds(3);

    private final CompletableFuture<PlatformModules.Outcome> outcome;
    private final CompletableFuture<Void> wanted;

    private ModulesPublication(CompletableFuture<PlatformModules.Outcome> outcome, CompletableFuture<Void> wanted) {
        this.outcome = outcome;
        this.wanted = wanted;
    }

    /**
     * Publishes now when this blueprint version's modules were never published, as serving waits for them;
     * otherwise once {@code wanted} completes: a few seconds after the portal serves, or when a run needs them.
     */
    public static CompletableFuture<PlatformModules.Outcome> schedule(boolean tagged, CompletableFuture<Void> wanted,
                                                                      Supplier<PlatformModules.Outcome> publish,
                                                                      Executor executor) {
        CompletableFuture<Void> start = tagged ? wanted : CompletableFuture.completedFuture(null);
        return start.thenApplyAsync(ready -> publish.get(), executor);
    }

    /**
     * Follows a publication under way, {@link #schedule scheduled} with {@code wanted}: audits a new commit
     * when it ends, and logs a failure.
     */
    public static ModulesPublication following(CompletableFuture<PlatformModules.Outcome> publishing,
                                               CompletableFuture<Void> wanted, AuditLog audit, String blueprintVersion) {
        return new ModulesPublication(publishing.thenApply(outcome -> {
            if (outcome instanceof PlatformModules.Outcome.Published published) {
                audit.record("launchpad", "modules.published", "repository:platform/" + RepositoryLayout.MODULES_REPOSITORY,
                        "v" + blueprintVersion + " at " + published.commit().name() + ", " + published.files() + " files");
            }
            return outcome;
        }).whenComplete((outcome, failure) -> {
            if (failure != null) {
                LOG.error("could not publish the platform Terraform modules; publish runs fail until they are",
                        failure);
            }
        }), wanted);
    }

    /** The portal serves: a publication held back starts in a few seconds, unless a run wants it sooner. */
    public void serving() {
        CompletableFuture.delayedExecutor(AFTER_SERVING.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> wanted.complete(null));
    }

    public boolean isDone() {
        return outcome.isDone();
    }

    /** Waits for the publication; throws if it failed, naming why, so that no run pushes without its modules. */
    public PlatformModules.Outcome await() {
        // A run needs the modules now, even before the portal serves (demo data).
        wanted.complete(null);
        try {
            return outcome.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("the platform Terraform modules could not be published: " + cause, cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the platform Terraform modules were not published within " + PATIENCE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the platform Terraform modules", e);
        }
    }
}
