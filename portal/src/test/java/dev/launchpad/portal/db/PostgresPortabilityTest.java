package dev.launchpad.portal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same migrations and SQL on PostgreSQL, the production database: a throwaway cluster on a loopback
 * port, started with the machine's PostgreSQL binaries.
 */
class PostgresPortabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BIN = Path.of(System.getProperty("launchpad.postgres-bin", "/usr/lib/postgresql/15/bin"));
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    static Path cluster;
    static int port;

    @BeforeAll
    static void startPostgres() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("launchpad.postgres-tests.skip"),
                "PostgreSQL tests disabled with -Dlaunchpad.postgres-tests.skip=true");
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            fail("PostgreSQL binaries are not in " + BIN + "; install postgresql, point -Dlaunchpad.postgres-bin at"
                    + " them, or skip with -Dlaunchpad.postgres-tests.skip=true");
        }
        cluster = Files.createTempDirectory("launchpad-pg");
        if (ROOT) {
            // initdb and postgres refuse to run as root
            run("chown", "postgres", cluster.toString());
        }
        port = TestPortal.freePort();
        asPostgres(BIN.resolve("initdb").toString(), "-D", cluster.resolve("db").toString(), "-A", "trust",
                "-U", "launchpad", "--no-sync");
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", cluster.resolve("db").toString(), "-l",
                cluster.resolve("log").toString(), "-o", "-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off", "-w", "start");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (cluster != null) {
            asPostgres(BIN.resolve("pg_ctl").toString(), "-D", cluster.resolve("db").toString(), "-m", "immediate", "stop");
            run("rm", "-rf", cluster.toString());
        }
    }

    @Test
    void thePortalMigratesPublishesAndRestartsOnPostgres() throws Exception {
        Path data = Files.createTempDirectory("launchpad-pg-data");
        Map<String, String> env = Map.of(
                "LAUNCHPAD_DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "LAUNCHPAD_DB_USER", "launchpad");
        try (TestPortal portal = TestPortal.start(TestPortal.config(data, env))) {
            assertThat(portal.postJson("/api/v1/services", Specs.full("on-postgres"), "Idempotency-Key", "pg-1").statusCode())
                    .isEqualTo(201);
            assertThat(portal.postJson("/api/v1/services", Specs.full("on-postgres"), "Idempotency-Key", "pg-1").statusCode())
                    .isEqualTo(201);
            assertThat(portal.postJson("/api/v1/services", Specs.minimal("on-postgres")).statusCode()).isEqualTo(409);
            JsonNode found = JSON.readTree(portal.get("/api/v1/services?team=payments&feature=monitoring").body());
            assertThat(found.get("count").asInt()).isEqualTo(1);
            String runId = found.get("services").get(0).get("runId").asText();
            assertThat(JSON.readTree(portal.get("/api/v1/runs/" + runId).body()).get("status").asText()).isEqualTo("succeeded");
            assertThat(portal.get("/services/on-postgres").body()).contains("on-postgres");
        }
        try (TestPortal restarted = TestPortal.start(TestPortal.config(data, env))) {
            assertThat(restarted.get("/api/v1/services/on-postgres").statusCode()).isEqualTo(200);
        } finally {
            run("rm", "-rf", data.toString());
        }
    }

    private static void asPostgres(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
