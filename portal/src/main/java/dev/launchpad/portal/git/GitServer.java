package dev.launchpad.portal.git;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.transport.resolver.FileResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;

/**
 * Git smart HTTP for the repositories under the Git root: clone and fetch only, for people and tools with
 * an API token (sent as the password of HTTP Basic, which Git credential helpers do, or as a bearer token).
 */
public final class GitServer {

    public static final String PATH_SPEC = "/git/*";

    private GitServer() {
    }

    /** {@code admits} decides on the request's {@code Authorization} header (null when absent). */
    public static HttpServlet servlet(Path gitRoot, Predicate<String> admits) {
        GitServlet git = new GitServlet();
        git.setRepositoryResolver(new FileResolver<HttpServletRequest>(gitRoot.toFile(), true));
        // Pushing goes through the portal's publish runs, never straight to a repository.
        git.setReceivePackFactory((request, repository) -> {
            throw new ServiceNotEnabledException("pushing to the portal's repositories is not supported;"
                    + " publish through Launchpad");
        });
        return new Authenticated(git, admits);
    }

    /** Asks for credentials (so Git prompts or uses its credential helper) unless the header admits the request. */
    private static final class Authenticated extends HttpServlet {
        private final transient GitServlet git;
        private final transient Predicate<String> admits;

        Authenticated(GitServlet git, Predicate<String> admits) {
            this.git = git;
            this.admits = admits;
        }

        @Override
        public void init(ServletConfig config) throws ServletException {
            super.init(config);
            git.init(config);
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
            if (!admits.test(request.getHeader("Authorization"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Launchpad Git\", charset=\"UTF-8\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED,
                        "use an API token from your Launchpad account page as the password");
                return;
            }
            git.service(request, response);
        }

        @Override
        public void destroy() {
            git.destroy();
            super.destroy();
        }
    }
}
