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
        assertThat(config.auth().oidc()).isNull();
        assertThat(config.auth().secureCookies()).isFalse();
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
    void theInstanceIdIsTheConfiguredOneElseTheHostAndPortSoARestartKeepsIt() {
        assertThat(PortalConfig.fromEnv(Map.of("LAUNCHPAD_INSTANCE_ID", "portal-2.eu_west")).instanceId())
                .isEqualTo("portal-2.eu_west");
        String derived = PortalConfig.fromEnv(Map.of("LAUNCHPAD_PORT", "8080")).instanceId();
        assertThat(derived).endsWith(":8080").hasSizeLessThanOrEqualTo(64)
                .isEqualTo(PortalConfig.fromEnv(Map.of("LAUNCHPAD_PORT", "8080")).instanceId());
        assertThat(PortalConfig.fromEnv(Map.of("LAUNCHPAD_PORT", "8081")).instanceId()).isNotEqualTo(derived);
        assertThat(PortalConfig.fromEnv(Map.of("HOSTNAME", "web-7", "LAUNCHPAD_PORT", "8080")).instanceId())
                .isEqualTo("web-7:8080");

        for (String invalid : new String[] {"portal 2", "portal:2", "p".repeat(65)}) {
            assertThatThrownBy(() -> PortalConfig.fromEnv(Map.of("LAUNCHPAD_INSTANCE_ID", invalid)))
                    .as(invalid).hasMessageContaining("LAUNCHPAD_INSTANCE_ID must be 1 to 64 letters");
        }
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
    void bootstrapSecretsAreValidatedAndNeverPrinted() {
        assertThatThrownBy(() -> PortalConfig.fromEnv(Map.of("LAUNCHPAD_BOOTSTRAP_ADMIN_PASSWORD", "short")))
                .hasMessageContaining("LAUNCHPAD_BOOTSTRAP_ADMIN_PASSWORD must be 12 to 200 characters long");
        assertThatThrownBy(() -> PortalConfig.fromEnv(Map.of("LAUNCHPAD_BOOTSTRAP_TOKEN", "has spaces in it, and is short")))
                .hasMessageContaining("LAUNCHPAD_BOOTSTRAP_TOKEN must be 32 to 200 characters");
        PortalConfig config = PortalConfig.fromEnv(Map.of(
                "LAUNCHPAD_BOOTSTRAP_ADMIN_PASSWORD", "a-long-admin-password",
                "LAUNCHPAD_BOOTSTRAP_TOKEN", "0123456789abcdef0123456789abcdef-token",
                "LAUNCHPAD_OIDC_ISSUER", "https://login.example.com/realms/acme",
                "LAUNCHPAD_OIDC_CLIENT_ID", "launchpad",
                "LAUNCHPAD_OIDC_CLIENT_SECRET", "oidc-client-secret"));
        assertThat(config.toString()).doesNotContain("a-long-admin-password")
                .doesNotContain("0123456789abcdef0123456789abcdef-token").doesNotContain("oidc-client-secret")
                .contains("login.example.com");
    }

    @Test
    void anOidcIssuerNeedsAClientIdAndSecret() {
        assertThatThrownBy(() -> PortalConfig.fromEnv(Map.of("LAUNCHPAD_OIDC_ISSUER", "https://login.example.com")))
                .hasMessageContaining("LAUNCHPAD_OIDC_CLIENT_ID").hasMessageContaining("LAUNCHPAD_OIDC_CLIENT_SECRET");
        assertThatThrownBy(() -> PortalConfig.fromEnv(Map.of("LAUNCHPAD_OIDC_CLIENT_ID", "launchpad")))
                .hasMessageContaining("need LAUNCHPAD_OIDC_ISSUER");
    }
}
