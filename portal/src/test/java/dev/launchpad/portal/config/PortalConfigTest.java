package dev.launchpad.portal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalConfigTest {

    @Test
    void anEmptyEnvironmentGivesTheEmbeddedDefaults() {
        PortalConfig config = PortalConfig.fromEnv(Map.of());

        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.dbUrl()).isEqualTo("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("db/launchpad"));
        assertThat(config.publicUrl()).isEqualTo("http://localhost:7070");
        assertThat(config.localUser()).isEqualTo("developer");
        assertThat(config.git()).isEqualTo(new GitTarget.Embedded());
        assertThat(config.demoData()).isTrue();
        assertThat(config.terraformModulesDir()).isNull();
    }

    @Test
    void thePublicUrlFollowsThePortAndLosesATrailingSlash() {
        assertThat(PortalConfig.fromEnv(Map.of("LAUNCHPAD_PORT", "8080")).publicUrl()).isEqualTo("http://localhost:8080");
        assertThat(PortalConfig.fromEnv(Map.of("LAUNCHPAD_PUBLIC_URL", "https://launchpad.example.com/")).publicUrl())
                .isEqualTo("https://launchpad.example.com");
    }

    @Test
    void everyInvalidVariableIsReportedAtOnce() {
        assertThatThrownBy(() -> PortalConfig.fromEnv(Map.of(
                "LAUNCHPAD_PORT", "seventy",
                "LAUNCHPAD_DB_URL", "mysql://db",
                "LAUNCHPAD_PUBLIC_URL", "launchpad.example.com",
                "LAUNCHPAD_DEMO_DATA", "yes",
                "LAUNCHPAD_GIT_REMOTE_URL_TEMPLATE", "https://git.example.com/repos.git")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(5)
                        .anySatisfy(p -> assertThat(p).startsWith("LAUNCHPAD_PORT"))
                        .anySatisfy(p -> assertThat(p).startsWith("LAUNCHPAD_DB_URL"))
                        .anySatisfy(p -> assertThat(p).startsWith("LAUNCHPAD_PUBLIC_URL"))
                        .anySatisfy(p -> assertThat(p).startsWith("LAUNCHPAD_DEMO_DATA"))
                        .anySatisfy(p -> assertThat(p).contains("{service}")));
    }

    @Test
    void credentialsInTheRemoteUrlAreRefused() {
        assertThatThrownBy(() -> PortalConfig.fromEnv(Map.of(
                "LAUNCHPAD_GIT_REMOTE_URL_TEMPLATE", "https://bot:token@git.example.com/{team}/{service}.git")))
                .hasMessageContaining("must not contain credentials");
    }

    @Test
    void passwordsNeverAppearInTheTextOfTheConfiguration() {
        PortalConfig config = PortalConfig.fromEnv(Map.of(
                "LAUNCHPAD_DB_PASSWORD", "db-secret",
                "LAUNCHPAD_GIT_REMOTE_URL_TEMPLATE", "https://git.example.com/{team}/{service}.git",
                "LAUNCHPAD_GIT_USERNAME", "bot",
                "LAUNCHPAD_GIT_PASSWORD", "git-secret"));

        assertThat(config.toString()).doesNotContain("db-secret").doesNotContain("git-secret").contains("bot");
        assertThat(((GitTarget.Remote) config.git()).urlFor("payments", "orders"))
                .isEqualTo("https://git.example.com/payments/orders.git");
    }

    @Test
    void theLocalUserMayCarryANameAndEmail() {
        assertThatThrownBy(() -> PortalConfig.fromEnv(Map.of("LAUNCHPAD_LOCAL_USER", "Not Valid")))
                .hasMessageContaining("LAUNCHPAD_LOCAL_USER");
        assertThat(PortalConfig.fromEnv(Map.of("LAUNCHPAD_LOCAL_USER", "Ada Lovelace <ada@example.com>")).localUser())
                .isEqualTo("Ada Lovelace <ada@example.com>");
    }
}
