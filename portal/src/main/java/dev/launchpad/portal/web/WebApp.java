package dev.launchpad.portal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.git.GitServer;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/** Builds the Javalin application from its routes and collaborators; starting it is the caller's business. */
public final class WebApp {

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

    public static Javalin create(List<Route> routes, ErrorMapping errors, ObjectMapper json, Path gitRoot) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jsonMapper(new JavalinJackson(json, true));
            config.jetty.modifyServletContextHandler(context ->
                    context.addServlet(new ServletHolder("git", GitServer.servlet(gitRoot)), GitServer.PATH_SPEC));
            for (Route route : routes) {
                config.routes.addHttpHandler(route.method(), route.path(), route.handler());
            }
            config.routes.exception(ApiProblem.class, errors::problem);
            config.routes.exception(HttpResponseException.class, errors::http);
            config.routes.exception(Exception.class, errors::unexpected);
        });
    }
}
