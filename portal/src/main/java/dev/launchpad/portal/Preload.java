package dev.launchpad.portal;

import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.portal.web.WebApp;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The parts of a start that need no configuration: the blueprint, and the classes of the web server. Most
 * of a start is loading classes and running code for the first time, so {@link Main} begins these before it
 * reads the configuration, and the two cores are busy from the first millisecond. This class logs nothing, so
 * that beginning it does not wait for the logging library to set itself up.
 */
final class Preload {

    /** Three threads: the blueprint, the web server's classes and, once the configuration is read, the database. */
    final ExecutorService pool = Executors.newFixedThreadPool(3, Thread.ofPlatform().daemon().name("launchpad-boot-", 0).factory());
    final CompletableFuture<Blueprint> blueprint = CompletableFuture.supplyAsync(Blueprint::load, pool);
    final CompletableFuture<Void> web = CompletableFuture.runAsync(WebApp::warmUp, pool);

    private Preload() {
    }

    static Preload begin() {
        return new Preload();
    }
}
