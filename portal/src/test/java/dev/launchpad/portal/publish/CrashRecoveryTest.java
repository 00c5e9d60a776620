package dev.launchpad.portal.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import dev.launchpad.portal.db.Jdbc;
import dev.launchpad.portal.git.GitFacade;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    /**
     * A portal process is killed (SIGKILL) while its push hangs on a remote that never answers. Restarted on
     * the same data directory, host and port, it is the same instance (its liveness lease has not expired
     * yet): it marks its run failed at once, frees the name and can publish it.
     */
    @Test
    void aPortalKilledDuringAPushRestartsWithTheRunFailedAndTheNameFree() throws Exception {
        List<Socket> held = new ArrayList<>();
        CountDownLatch pushing = new CountDownLatch(1);
        int port = TestPortal.freePort();
        try (ServerSocket silentRemote = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silentRemote.accept()); // accept and never answer
                        pushing.countDown();
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            Process child = startPortalProcess(port, Map.of(
                    "LAUNCHPAD_GIT_REMOTE_URL_TEMPLATE", "http://127.0.0.1:" + silentRemote.getLocalPort() + "/{team}/{service}.git"));
            try {
                awaitUp(port);
                TestPortal.http().sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/services")).header("Authorization", "Bearer " + TestPortal.ADMIN_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Specs.minimal("crashed"))).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(pushing.await(30, TimeUnit.SECONDS)).as("the push reached the remote").isTrue();
                // H2 writes committed changes to its file within half a second; let the run's events land
                Thread.sleep(1500);
            } finally {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }

        try (TestPortal restarted = TestPortal.start(TestPortal.config(data, Map.of("LAUNCHPAD_PORT", Integer.toString(port))))) {
            Jdbc jdbc = new Jdbc(restarted.launchpad().dataSource());
            String runId = jdbc.one("select id from runs where service_name = 'crashed'", rs -> rs.getString(1)).orElseThrow();
            JsonNode run = JSON.readTree(restarted.get("/api/v1/runs/" + runId).body());
            assertThat(run.get("status").asText()).isEqualTo("failed");
            assertThat(run.get("error").asText()).contains("the portal stopped while this run was in progress");
            assertThat(run.get("steps").get(3).get("status").asText()).isEqualTo("started");
            assertThat(restarted.get("/api/v1/services/crashed").statusCode()).isEqualTo(404);

            HttpResponse<String> again = restarted.postJson("/api/v1/services", Specs.minimal("crashed"));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        }
    }

    /** The embedded push creates the served repository first; a crash then leaves it half-made. */
    @Test
    void aHalfMadeRepositoryOfAnInterruptedRunIsRemovedAtStart() throws Exception {
        try (TestPortal first = TestPortal.start(data)) {
            Jdbc jdbc = new Jdbc(first.launchpad().dataSource());
            jdbc.update("insert into runs (id, kind, service_name, team_id, spec_json, status, requested_by, started_at)"
                    + " values ('run-1', 'publish', 'half-made', 'payments', '{}', 'running', 'admin', ?)", Instant.now());
            jdbc.update("insert into teams (id, display_name, created_at) values ('payments', 'Payments', ?)", Instant.now());
            jdbc.update("insert into services (name, team_id, description, spec_json, blueprint_version, status, run_id,"
                    + " created_by, created_at) values ('half-made', 'payments', 'x', '{}', '0.1.0', 'creating', 'run-1', 'admin', ?)",
                    Instant.now());
            Files.createDirectories(data.resolve("git/payments"));
            new GitFacade().initBare(data.resolve("git/payments/half-made.git"));
        }

        try (TestPortal restarted = TestPortal.start(data)) {
            assertThat(Files.exists(data.resolve("git/payments/half-made.git"))).isFalse();
            JsonNode run = JSON.readTree(restarted.get("/api/v1/runs/run-1").body());
            assertThat(run.get("status").asText()).isEqualTo("failed");
            assertThat(restarted.postJson("/api/v1/services", Specs.minimal("half-made")).statusCode()).isEqualTo(201);
        }
    }

    private Process startPortalProcess(int port, Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.launchpad.portal.Main")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("child.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("LAUNCHPAD_"));
        builder.environment().put("LAUNCHPAD_PORT", Integer.toString(port));
        builder.environment().put("LAUNCHPAD_DATA_DIR", data.toString());
        builder.environment().put("LAUNCHPAD_DEMO_DATA", "false");
        builder.environment().put("LAUNCHPAD_BOOTSTRAP_ADMIN_PASSWORD", TestPortal.ADMIN_PASSWORD);
        builder.environment().put("LAUNCHPAD_BOOTSTRAP_TOKEN", TestPortal.ADMIN_TOKEN);
        builder.environment().putAll(TestPortal.databaseEnv(data)); // the database the restarted portal opens
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitUp(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = TestPortal.http().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1")).header("Authorization", "Bearer " + TestPortal.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the portal process did not start:\n" + Files.readString(data.resolve("child.log")));
    }

}
