package dev.launchpad.portal.publish;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * A Git server like the ones production pushes to: smart HTTP, basic authentication, a repository made on
 * first push, and a pre-receive hook that can be told to reject.
 */
final class RemoteGitServer implements AutoCloseable {

    private final Path root;
    private final String user;
    private final String password;
    private final Server server;
    private volatile String rejectWith;

    RemoteGitServer(Path root, String user, String password) throws Exception {
        this.root = root;
        this.user = user;
        this.password = password;
        GitServlet git = new GitServlet();
        git.setRepositoryResolver((HttpServletRequest req, String name) -> open(req, name));
        git.setReceivePackFactory((req, db) -> {
            ReceivePack pack = new ReceivePack(db);
            pack.setPreReceiveHook((rp, commands) -> {
                String reason = rejectWith;
                if (reason != null) {
                    rp.sendMessage("remote: " + reason);
                    commands.forEach(c -> c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason));
                }
            });
            return pack;
        });
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder((Filter) (request, response, chain) -> {
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(((HttpServletRequest) request).getHeader("Authorization"))) {
                HttpServletResponse res = (HttpServletResponse) response;
                res.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
                res.sendError(401);
                return;
            }
            chain.doFilter(request, response);
        }), "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(git), "/*");
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        server.setHandler(context);
        server.start();
    }

    private Repository open(HttpServletRequest req, String name) throws RepositoryNotFoundException {
        Path dir = root.resolve(name).normalize();
        try {
            if (!Files.exists(dir)) {
                boolean pushing = "git-receive-pack".equals(req.getParameter("service"))
                        || req.getRequestURI().endsWith("git-receive-pack");
                if (!pushing) {
                    throw new RepositoryNotFoundException(name);
                }
                Files.createDirectories(dir);
                Git.init().setBare(true).setInitialBranch("main").setDirectory(dir.toFile()).call().close();
            }
            return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
        } catch (RepositoryNotFoundException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every push is rejected with this reason until {@link #accept()}. */
    void reject(String reason) {
        this.rejectWith = reason;
    }

    void accept() {
        this.rejectWith = null;
    }

    String urlTemplate() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/{team}/{service}.git";
    }

    String cloneUrlWithCredentials(String team, String service) {
        return "http://" + user + ":" + password + "@127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + "/" + team + "/" + service + ".git";
    }

    Path repository(String team, String service) {
        return root.resolve(team).resolve(service + ".git");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

}
