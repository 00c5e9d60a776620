package dev.launchpad.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.portal.Specs;
import dev.launchpad.portal.TestPortal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same migrations and SQL on PostgreSQL, the production database, whatever database the other tests use. */
class PostgresPortabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void thePortalMigratesPublishesAndRestartsOnPostgres() throws Exception {
        Map<String, String> env = Map.of(
                "LAUNCHPAD_DB_URL", PostgresCluster.shared().createDatabase(),
                "LAUNCHPAD_DB_USER", PostgresCluster.USER);
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
        }
    }
}
