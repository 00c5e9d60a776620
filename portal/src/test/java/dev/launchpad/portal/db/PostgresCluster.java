package dev.launchpad.portal.db;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL cluster for the whole test JVM, the production database: started with the
 * machine's PostgreSQL binaries on a loopback port when a test first asks for it, removed when the JVM
 * exits. Every portal gets a database of its own, so tests never see each other's rows.
 */
public final class PostgresCluster {

    public static final String USER = "launchpad";
    private static final Path BIN = Path.of(System.getProperty("launchpad.postgres-bin", "/usr/lib/postgresql/15/bin"));
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static PostgresCluster shared;

    private final Path dir;
    private final int port;
    private final AtomicInteger created = new AtomicInteger();
    private final Map<Path, String> byDataDir = new ConcurrentHashMap<>();

    private PostgresCluster(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /**
     * The cluster, started on first use. Skips the calling test when PostgreSQL tests are turned off, and
     * fails it with what to do when the binaries are missing.
     */
    public static synchronized PostgresCluster shared() {
        Assumptions.assumeFalse(Boolean.getBoolean("launchpad.postgres-tests.skip"),
                "PostgreSQL tests disabled with -Dlaunchpad.postgres-tests.skip=true");
        if (shared == null) {
            if (!Files.isExecutable(BIN.resolve("initdb"))) {
                fail("PostgreSQL binaries are not in " + BIN + "; install postgresql, point -Dlaunchpad.postgres-bin at"
                        + " them, or skip with -Dlaunchpad.postgres-tests.skip=true");
            }
            shared = start();
        }
        return shared;
    }

    private static PostgresCluster start() {
        try {
            Path dir = Files.createTempDirectory("launchpad-pg");
            if (ROOT) {
                // initdb and postgres refuse to run as root
                run("chown", "postgres", dir.toString());
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            asPostgres(BIN.resolve("initdb").toString(), "-D", dir.resolve("db").toString(), "-A", "trust",
                    "-U", USER, "--no-sync");
            // durability is not what these tests are about: no fsync, and room for the pools of many portals
            asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("db").toString(), "-l",
                    dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                    "-w", "start");
            PostgresCluster cluster = new PostgresCluster(dir, port);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "launchpad-pg-stop"));
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("could not start PostgreSQL", e);
        }
    }

    /** A new empty database; its JDBC URL. */
    public String createDatabase() {
        String name = "launchpad_" + created.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return url(name);
    }

    /**
     * The database of the portal with this data directory, made on first use: a portal restarted on the
     * same directory finds its rows again, as it would in its H2 file.
     */
    public Map<String, String> environmentFor(Path dataDir) {
        String url = byDataDir.computeIfAbsent(dataDir.toAbsolutePath().normalize(), d -> createDatabase());
        return Map.of("LAUNCHPAD_DB_URL", url, "LAUNCHPAD_DB_USER", USER);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void stop() {
        try {
            asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("db").toString(), "-m", "immediate", "stop");
            run("rm", "-rf", dir.toString());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e);
        }
    }

    private static void asPostgres(String... command) throws IOException {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
