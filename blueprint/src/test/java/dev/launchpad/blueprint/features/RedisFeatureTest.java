package dev.launchpad.blueprint.features;

import static dev.launchpad.blueprint.features.RenderedProjects.assertNoInfraMentions;
import static dev.launchpad.blueprint.features.RenderedProjects.assertSoundTerraform;
import static dev.launchpad.blueprint.features.RenderedProjects.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.blueprint.build.GeneratedBuild;
import dev.launchpad.blueprint.render.GeneratedProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The redis feature: a Valkey cache in the VPC and cache-aside reads of users, and nothing of it when off. */
class RedisFeatureTest {

    static final String REDIS = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}, "vpc-endpoints": {}, "redis": {"nodeType": "cache.r7g.large", "multiAz": false, "ttlSeconds": 120}}}
            """;
    static final String REDIS_WITH_SECRETS = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"vpc-endpoints": {}, "redis": {}, "secrets": {}}}
            """;
    static final String REDIS_WITHOUT_MONITORING = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"vpc-endpoints": {}, "redis": {}}}
            """;
    static final String WITHOUT_REDIS = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}, "vpc-endpoints": {}}}
            """;

    private static final List<String> JAVA = List.of(
            "src/main/java/org/acme/orders/cache/CacheAuthToken.java",
            "src/main/java/org/acme/orders/cache/CacheConfig.java",
            "src/main/java/org/acme/orders/cache/CacheConnection.java",
            "src/main/java/org/acme/orders/users/CachingUserRepository.java",
            "src/main/java/org/acme/orders/users/RedisUserCache.java",
            "src/main/java/org/acme/orders/users/UserCache.java",
            "src/test/java/org/acme/orders/users/CachingUserRepositoryTest.java",
            "src/test/java/org/acme/orders/users/InMemoryUserCache.java",
            "src/test/java/org/acme/orders/users/RedisUserCacheTest.java",
            "src/test/java/org/acme/orders/cache/CacheConfigTest.java",
            "src/test/java/org/acme/orders/cache/CacheConnectionTest.java",
            "src/test/java/org/acme/orders/testing/FakeValkey.java");

    static Stream<Named<String>> specsWithRedis() {
        return Stream.of(Named.of("with monitoring", REDIS), Named.of("with secrets", REDIS_WITH_SECRETS),
                Named.of("without monitoring", REDIS_WITHOUT_MONITORING));
    }

    @Test
    void redisContributesItsTerraformAndTheCacheAsideJava() {
        GeneratedProject project = render(REDIS);

        assertThat(project.has("infra/redis.tf")).isTrue();
        assertThat(JAVA).allSatisfy(path -> assertThat(project.has(path)).as(path).isTrue());
    }

    @Test
    void theSpecsChoicesBecomeTheDefaultsOfTheCache() {
        GeneratedProject project = render(REDIS);

        assertThat(project.text("infra/redis.tf")).contains("default     = \"cache.r7g.large\"")
                .contains("default     = false").contains("default     = 120");
        assertThat(project.text("src/main/java/org/acme/orders/cache/CacheConfig.java")).contains("Duration.ofSeconds(120)");
    }

    @Test
    void theCacheIsValkeyEncryptedInTransitAndAtRestWithAGeneratedToken() {
        String redis = render(REDIS).text("infra/redis.tf");

        assertThat(redis).contains("engine         = \"valkey\"")
                .contains("transit_encryption_enabled = true")
                .contains("auth_token                 = random_password.cache_auth_token.result")
                .contains("at_rest_encryption_enabled = true")
                .contains("kms_key_arn                = aws_kms_key.cache.arn")
                .contains("referenced_security_group_id = aws_security_group.functions.id")
                .contains("destination_type                       = \"cloudwatch-logs\"");
    }

    @Test
    void theUsersFunctionReadsThroughTheCacheWithTheVariablesTheTerraformSets() {
        GeneratedProject project = render(REDIS);

        assertThat(project.text("src/main/java/org/acme/orders/users/UsersHandler.java")).contains("CachingUserRepository.inFrontOf(");
        assertThat(project.text("infra/functions.tf")).contains("REDIS_ENDPOINT").contains("REDIS_AUTH_SECRET_ARN")
                .contains("CACHE_TTL_SECONDS");
        assertThat(project.text("src/main/java/org/acme/orders/cache/CacheConfig.java")).contains("\"REDIS_ENDPOINT\"")
                .contains("\"REDIS_AUTH_SECRET_ARN\"").contains("\"CACHE_TTL_SECONDS\"");
    }

    @Test
    void theBuildGetsLettuceAndOneSecretsManagerClientAlsoWithTheSecretsFeature() {
        for (String spec : List.of(REDIS, REDIS_WITH_SECRETS)) {
            String pom = render(spec).text("pom.xml");

            assertThat(pom).contains("<lettuce.version>6.5.5.RELEASE</lettuce.version>").contains("<artifactId>lettuce-core</artifactId>");
            assertThat(count(pom, "<artifactId>secretsmanager</artifactId>")).isEqualTo(1);
        }
    }

    @Test
    void theRandomProviderIsPinnedOnceAlsoWithTheSecretsFeature() {
        for (String spec : List.of(REDIS, REDIS_WITH_SECRETS)) {
            assertThat(count(render(spec).text("infra/versions.tf"), "source = \"hashicorp/random\"")).isEqualTo(1);
        }
    }

    @Test
    void cpuAndEvictionsWarnAndTheDashboardsShowTheCache() {
        GeneratedProject project = render(REDIS);

        assertThat(project.text("infra/redis.tf")).contains("EngineCPUUtilization").contains("threshold   = 80")
                .contains("\"Evictions\"").contains("alarm_actions = [module.alerting.warning_topic_arn]")
                .contains("CacheHits").contains("CacheMisses").contains("CurrConnections");
        assertThat(project.text("infra/monitoring.tf")).contains("local.cache_alarm_arns").contains("local.cache_dashboard_widgets");
    }

    @Test
    void withoutMonitoringThereIsNoCacheAlarm() {
        assertThat(render(REDIS_WITHOUT_MONITORING).text("infra/redis.tf")).doesNotContainIgnoringCase("alarm")
                .doesNotContain("alerting").doesNotContain("dashboard");
    }

    @Test
    void aProjectWithoutRedisHasNoTraceOfIt() {
        GeneratedProject project = render(WITHOUT_REDIS);

        assertThat(project.has("infra/redis.tf")).isFalse();
        assertThat(JAVA).allSatisfy(path -> assertThat(project.has(path)).as(path).isFalse());
        assertThat(project.text("pom.xml")).doesNotContain("lettuce").doesNotContain("secretsmanager");
        assertThat(project.text("src/main/java/org/acme/orders/users/UsersHandler.java")).doesNotContain("Cach");
        assertNoInfraMentions(project, "cache", "redis", "valkey", "random");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specsWithRedis")
    void theInfrastructureIsFormattedAndSound(String spec, @TempDir Path work) {
        assertSoundTerraform(render(spec), work);
    }

    @Test
    void theGeneratedProjectBuildsAndItsCacheTestsPass(@TempDir Path work) throws IOException {
        GeneratedBuild.Outcome build = GeneratedBuild.mavenVerify(render(REDIS), work.resolve("project"));

        assertThat(build.succeeded()).as("mvn verify:\n%s", build.output()).isTrue();
        assertThat(work.resolve("project/target/surefire-reports")).isDirectoryContaining("glob:**/TEST-org.acme.orders.users.CachingUserRepositoryTest.xml")
                .isDirectoryContaining("glob:**/TEST-org.acme.orders.users.RedisUserCacheTest.xml");
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
