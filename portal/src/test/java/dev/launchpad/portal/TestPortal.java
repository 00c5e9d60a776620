package dev.launchpad.portal;

import dev.launchpad.portal.config.PortalConfig;
import dev.launchpad.portal.db.PostgresCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real portal for tests: its own data directory, an H2 file database (or PostgreSQL: {@link #databaseEnv}),
 * Javalin on a free port. Requests carry the bootstrap admin token unless the test asks for another identity
 * with {@link #as(String)}.
 */
public final class TestPortal implements AutoCloseable {

    /** The first admin's password and API token in every test portal. */
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String ADMIN_TOKEN = "test-bootstrap-token-0123456789abcdef0123456789";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Launchpad launchpad;
    private final PortalConfig config;
    private final String bearer;
    private final boolean owner;

    private TestPortal(Launchpad launchpad, PortalConfig config) {
        this(launchpad, config, ADMIN_TOKEN, true);
    }

    private TestPortal(Launchpad launchpad, PortalConfig config, String bearer, boolean owner) {
        this.launchpad = launchpad;
        this.config = config;
        this.bearer = bearer;
        this.owner = owner;
    }

    /** The same portal, with requests that carry {@code token} (null: no credentials at all). Closing it does nothing. */
    public TestPortal as(String token) {
        return new TestPortal(launchpad, config, token, false);
    }

    public TestPortal anonymous() {
        return as(null);
    }

    public static TestPortal start(Path dataDir) {
        return start(dataDir, c -> c);
    }

    public static TestPortal start(Path dataDir, UnaryOperator<PortalConfig> customize) {
        return start(config(dataDir, customize));
    }

    public static TestPortal start(PortalConfig config) {
        return new TestPortal(Launchpad.start(config), config);
    }

    /** With a clock the test moves, to step past cache lifetimes without waiting. */
    public static TestPortal start(PortalConfig config, java.time.Clock clock) {
        return new TestPortal(Launchpad.start(config, clock), config);
    }

    /** The configuration of a fresh embedded portal on a free port, without demo data. */
    public static PortalConfig config(Path dataDir, UnaryOperator<PortalConfig> customize) {
        return customize.apply(config(dataDir, Map.of()));
    }

    /** The same, with more environment variables. */
    public static PortalConfig config(Path dataDir, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "LAUNCHPAD_PORT", Integer.toString(freePort()),
                "LAUNCHPAD_DATA_DIR", dataDir.toString(),
                "LAUNCHPAD_DEMO_DATA", "false",
                "LAUNCHPAD_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "LAUNCHPAD_BOOTSTRAP_TOKEN", ADMIN_TOKEN));
        if (!env.containsKey("LAUNCHPAD_DB_URL")) {
            all.putAll(databaseEnv(dataDir));
        }
        all.putAll(env);
        return PortalConfig.fromEnv(all);
    }

    /**
     * Where the portal of {@code dataDir} keeps its rows: nothing to add for the default H2 file, or with
     * {@code -Dlaunchpad.test.database=postgres} a database of its own in the shared test PostgreSQL.
     */
    public static Map<String, String> databaseEnv(Path dataDir) {
        return "postgres".equals(System.getProperty("launchpad.test.database"))
                ? PostgresCluster.shared().environmentFor(dataDir) : Map.of();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return config.publicUrl();
    }

    public PortalConfig config() {
        return config;
    }

    public Launchpad launchpad() {
        return launchpad;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        return sendBytes(request(path, headers).GET().build());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return post(path, "application/json", json, headers);
    }

    public HttpResponse<byte[]> postBytes(String path, String contentType, String body) {
        return sendBytes(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> postForm(String path, Map<String, List<String>> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, values) -> values.forEach(v -> pairs.add(enc(k) + "=" + enc(v))));
        return post(path, "application/x-www-form-urlencoded", String.join("&", pairs));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30));
        boolean authorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            authorization |= headers[i].equalsIgnoreCase("Authorization") || headers[i].equalsIgnoreCase("Cookie");
        }
        if (!authorization && bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpClient http() {
        return HTTP;
    }

    /** Runs the git command line with the admin's token, as a developer with a credential helper would. */
    public static String gitAsAdmin(Path dir, String... args) {
        List<String> withToken = new ArrayList<>(List.of("-c", "http.extraHeader=Authorization: Bearer " + ADMIN_TOKEN));
        withToken.addAll(List.of(args));
        return git(dir, withToken.toArray(String[]::new));
    }

    /** Runs the git command line in {@code dir}; fails the test with git's output when it fails. */
    public static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("git " + String.join(" ", args) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (owner) {
            launchpad.close();
        }
    }
}
