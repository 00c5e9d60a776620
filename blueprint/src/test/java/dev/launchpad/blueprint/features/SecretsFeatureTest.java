package dev.launchpad.blueprint.features;

import static dev.launchpad.blueprint.features.RenderedProjects.assertNoInfraMentions;
import static dev.launchpad.blueprint.features.RenderedProjects.assertSoundTerraform;
import static dev.launchpad.blueprint.features.RenderedProjects.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.blueprint.render.GeneratedProject;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The secrets feature: three KMS-encrypted secrets, the JWT key generated and optionally rotated, read with a cache. */
class SecretsFeatureTest {

    static final String ROTATED_AND_REPLICATED = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "region": "eu-west-1",
             "features": {"monitoring": {}, "secrets": {"rotationDays": 30, "replicaRegion": "eu-central-1", "cacheSeconds": 120}}}
            """;
    static final String PLAIN = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"secrets": {}}}
            """;
    static final String WITHOUT = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}}}
            """;

    private static final String SECRETS = "src/main/java/org/acme/orders/secrets/";
    private static final List<String> READING = List.of(
            SECRETS + "Secrets.java", SECRETS + "CachedSecrets.java", SECRETS + "SecretsManagerSource.java",
            SECRETS + "SecretNames.java", SECRETS + "SecretsReadiness.java", SECRETS + "SecretsHealth.java",
            "src/test/java/org/acme/orders/secrets/CachedSecretsTest.java",
            "src/test/java/org/acme/orders/secrets/SecretsReadinessTest.java");
    private static final List<String> ROTATION = List.of(
            SECRETS + "JwtKeyRotationHandler.java", SECRETS + "JwtKeyRotation.java", SECRETS + "RotationStore.java",
            SECRETS + "SecretsManagerRotationStore.java",
            "src/test/java/org/acme/orders/secrets/JwtKeyRotationTest.java",
            "src/test/java/org/acme/orders/secrets/InMemorySecretsManager.java");

    static Stream<Named<String>> specs() {
        return Stream.of(Named.of("rotated and replicated, with monitoring", ROTATED_AND_REPLICATED),
                Named.of("defaults, without monitoring", PLAIN));
    }

    @Test
    void threeSecretsUnderTheStackPathAreEncryptedWithTheirOwnKey() {
        String terraform = render(PLAIN).text("infra/secrets.tf");

        assertThat(terraform).contains("secret_prefix = \"${local.service}/${var.environment}\"")
                .contains("\"${local.secret_prefix}/database/credentials\"").contains("\"${local.secret_prefix}/api/keys\"")
                .contains("\"${local.secret_prefix}/jwt/signing\"")
                .contains("source  = \"terraform-aws-modules/secrets-manager/aws\"").contains("version = \"2.0.1\"")
                .contains("kms_key_id  = aws_kms_key.secrets.arn").contains("enable_key_rotation     = true");
    }

    @Test
    void theJwtKeyIsGeneratedOutOfTheStateAndTheOthersArePlaceholdersTerraformThenLeavesAlone() {
        GeneratedProject project = render(PLAIN);

        assertThat(project.text("infra/secrets.tf")).contains("create_random_password           = each.value.placeholder == null")
                .contains("random_password_length           = 64").contains("random_password_override_special = \"-_\"")
                .contains("ignore_secret_changes = true").contains("SET-ME");
        assertThat(project.text("infra/versions.tf")).contains("source = \"hashicorp/random\"").contains("version = \"~> 3.7\"");
    }

    @Test
    void onlyTheHealthFunctionReadsTheSecretsAndDecryptsThroughSecretsManager() {
        GeneratedProject project = render(PLAIN);
        String functions = project.text("infra/functions.tf");

        assertThat(functions).contains("statements = local.secret_read_statements")
                .contains("DATABASE_SECRET_ARN").contains("API_KEYS_SECRET_ARN").contains("JWT_SECRET_ARN")
                .contains("SECRETS_CACHE_SECONDS        = \"300\"");
        assertThat(project.text("infra/secrets.tf")).contains("actions   = [\"secretsmanager:GetSecretValue\"]")
                .contains("resources = [for secret in module.secret : secret.secret_arn]")
                .contains("actions   = [\"kms:Decrypt\"]").contains("variable = \"kms:ViaService\"");
        assertThat(project.text("src/main/java/org/acme/orders/health/HealthHandler.java"))
                .contains("SecretsReadiness.fromEnvironment()").contains("new SecretsHealth(answer, secrets.report())");
        assertThat(READING).allSatisfy(path -> assertThat(project.has(path)).as(path).isTrue());
        assertThat(project.text("pom.xml")).contains("<artifactId>secretsmanager</artifactId>");
    }

    @Test
    void rotationAddsItsFunctionPermissionScheduleAndAlarm() {
        GeneratedProject project = render(ROTATED_AND_REPLICATED);
        String terraform = project.text("infra/secrets.tf");

        assertThat(terraform).contains("module \"jwt_key_rotation\"")
                .contains("handler       = \"org.acme.orders.secrets.JwtKeyRotationHandler::handleRequest\"")
                .contains("principal     = \"secretsmanager.amazonaws.com\"")
                .contains("resource \"aws_secretsmanager_secret_rotation\" \"jwt\"").contains("automatically_after_days = 30")
                .contains("depends_on = [aws_lambda_permission.jwt_key_rotation]")
                .contains("\"secretsmanager:PutSecretValue\", \"secretsmanager:UpdateSecretVersionStage\"")
                .contains("-jwt-key-rotation-errors");
        assertThat(project.text("infra/monitoring.tf")).contains("local.secrets_alarm_arns");
        assertThat(ROTATION).allSatisfy(path -> assertThat(project.has(path)).as(path).isTrue());
    }

    @Test
    void withoutRotationThereIsNoRotationFunctionNorItsCode() {
        GeneratedProject project = render(PLAIN);

        assertThat(project.text("infra/secrets.tf")).doesNotContain("jwt_key_rotation").doesNotContain("rotation_rules");
        assertThat(ROTATION).allSatisfy(path -> assertThat(project.has(path)).as(path).isFalse());
    }

    @Test
    void aReplicaRegionGetsReplicasEncryptedByAReplicaOfTheKey() {
        assertThat(render(ROTATED_AND_REPLICATED).text("infra/secrets.tf"))
                .contains("multi_region = true").contains("alias  = \"secrets_replica\"").contains("region = \"eu-central-1\"")
                .contains("resource \"aws_kms_replica_key\" \"secrets\"")
                .contains("\"eu-central-1\" = { kms_key_id = aws_kms_replica_key.secrets.arn }");
        assertThat(render(PLAIN).text("infra/secrets.tf")).doesNotContain("replica");
    }

    @Test
    void aProjectWithoutItHasNoSecretsNoKeyAndNoClient() {
        GeneratedProject project = render(WITHOUT);

        assertThat(project.has("infra/secrets.tf")).isFalse();
        assertThat(project.files().keySet()).noneMatch(path -> path.contains("/secrets/"));
        assertThat(project.text("pom.xml")).doesNotContain("secretsmanager");
        assertThat(project.text("src/main/java/org/acme/orders/health/HealthHandler.java")).doesNotContain("Secret");
        assertNoInfraMentions(project, "secret", "random");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void theInfrastructureIsFormattedAndSound(String spec, @TempDir Path work) {
        assertSoundTerraform(render(spec), work);
    }
}
