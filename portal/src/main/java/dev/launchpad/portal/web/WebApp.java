package dev.launchpad.portal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.auth.Guard;
import dev.launchpad.portal.git.GitServer;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** Builds the Javalin application from its routes and collaborators; starting it is the caller's business. */
public final class WebApp {

    /**
     * Jetty pads its buffer pools to cache lines and, unless this property says how many references fit in
     * one, asks the JVM through JMX whether it compresses them. That one question starts the whole platform
     * MBean server, JFR's included: half a second of a two-core start. Compressed references are what a
     * heap under 32 GB gets, so 16 per 64-byte line, else 8; setting the property yourself still wins.
     */
    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    static {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            boolean compressed = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
            System.setProperty(REFERENCES_PER_CACHE_LINE, compressed ? "16" : "8");
        }
    }

    private WebApp() {
    }

    /**
     * Loads the web server's classes (Jetty, Javalin, the Git servlet) so that a thread can do it while
     * another migrates the database; creates nothing that lasts.
     */
    public static void warmUp() {
        Javalin.create(config -> config.startup.showJavalinBanner = false);
        new org.eclipse.jetty.server.Server();
        new org.eclipse.jetty.ee10.servlet.ServletContextHandler();
        new org.eclipse.jgit.http.server.GitServlet();
        Json.mapper();
    }

    /**
     * @param guard      checks each route's access rule before its handler
     * @param gitAdmits  decides whether a Git request's {@code Authorization} header may clone and fetch
     */
    public static Javalin create(List<Route> routes, ErrorMapping errors, ObjectMapper json, Path gitRoot, Guard guard,
                                 Predicate<String> gitAdmits, SecurityHeaders headers) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jsonMapper(new JavalinJackson(json, true));
            config.jetty.modifyServletContextHandler(context ->
                    context.addServlet(new ServletHolder("git", GitServer.servlet(gitRoot, gitAdmits)), GitServer.PATH_SPEC));
            config.routes.before(headers::apply);
            for (Route route : routes) {
                config.routes.addHttpHandler(route.method(), route.path(), guard.wrap(route));
            }
            config.routes.exception(ApiProblem.class, errors::problem);
            config.routes.exception(HttpResponseException.class, errors::http);
            config.routes.exception(Exception.class, errors::unexpected);
        });
    }
}
