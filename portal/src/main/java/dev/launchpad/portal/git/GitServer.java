package dev.launchpad.portal.git;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.transport.resolver.FileResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;

/** Git smart HTTP for the repositories under the Git root: clone and fetch only. */
public final class GitServer {

    public static final String PATH_SPEC = "/git/*";

    private GitServer() {
    }

    public static GitServlet servlet(Path gitRoot) {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver(new FileResolver<HttpServletRequest>(gitRoot.toFile(), true));
        // Pushing goes through the portal's publish runs, never straight to a repository.
        servlet.setReceivePackFactory((request, repository) -> {
            throw new ServiceNotEnabledException("pushing to the portal's repositories is not supported;"
                    + " publish through Launchpad");
        });
        return servlet;
    }
}
