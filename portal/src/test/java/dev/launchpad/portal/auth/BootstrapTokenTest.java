package dev.launchpad.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.portal.TestPortal;
import dev.launchpad.portal.db.Jdbc;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapTokenTest {

    @TempDir
    Path data;

    @Test
    void anUnchangedBootstrapTokenSurvivesARestartUntouchedAndAChangedOneReplacesIt() {
        try (TestPortal portal = TestPortal.start(data)) {
            Jdbc jdbc = new Jdbc(portal.launchpad().dataSource());
            jdbc.update("update api_tokens set revoked_at = created_at where id = ?", ApiTokens.BOOTSTRAP_ID);
        }
        try (TestPortal restarted = TestPortal.start(data)) {
            assertThat(restarted.get("/api/v1/me").statusCode()).as("a revoked token stays revoked").isEqualTo(401);
            assertThat(tokenCreations(restarted)).isEqualTo(1);
        }
        String rotated = "rotated-bootstrap-token-0123456789abcdef012345";
        try (TestPortal rotatedPortal = TestPortal.start(TestPortal.config(data, Map.of("LAUNCHPAD_BOOTSTRAP_TOKEN", rotated)))) {
            assertThat(rotatedPortal.as(rotated).get("/api/v1/me").statusCode()).isEqualTo(200);
            assertThat(rotatedPortal.get("/api/v1/me").statusCode()).as("the old token is gone").isEqualTo(401);
            assertThat(tokenCreations(rotatedPortal)).isEqualTo(2);
        }
    }

    private static int tokenCreations(TestPortal portal) {
        return new Jdbc(portal.launchpad().dataSource()).one(
                "select count(*) from audit_log where action = 'token.created' and detail like 'bootstrap%'",
                rs -> rs.getInt(1)).orElseThrow();
    }
}
