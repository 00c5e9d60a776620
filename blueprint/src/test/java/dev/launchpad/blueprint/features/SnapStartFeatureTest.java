package dev.launchpad.blueprint.features;

import static dev.launchpad.blueprint.features.RenderedProjects.assertNoInfraMentions;
import static dev.launchpad.blueprint.features.RenderedProjects.assertSoundTerraform;
import static dev.launchpad.blueprint.features.RenderedProjects.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.blueprint.render.GeneratedProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapstart feature: snapshots of published versions behind a live alias, primed through CRaC hooks. */
class SnapStartFeatureTest {

    static final String SNAPSTART = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}, "snapstart": {}}}
            """;
    static final String SNAPSTART_WITHOUT_PRIMING = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"snapstart": {"priming": false}}}
            """;
    static final String WITHOUT = """
            {"name": "order-service", "team": "payments", "description": "Takes orders", "javaPackage": "org.acme.orders",
             "features": {"monitoring": {}}}
            """;

    private static final List<String> HANDLERS = List.of(
            "src/main/java/org/acme/orders/health/HealthHandler.java",
            "src/main/java/org/acme/orders/users/UsersHandler.java",
            "src/main/java/org/acme/orders/orders/OrdersHandler.java");
    private static final String PRIMING = "src/main/java/org/acme/orders/snapstart/Priming.java";
    private static final String PRIMING_TEST = "src/test/java/org/acme/orders/snapstart/PrimingTest.java";

    @Test
    void theFunctionsSnapshotPublishedVersionsBehindTheLiveAlias() {
        String functions = render(SNAPSTART).text("infra/functions.tf");

        assertThat(functions).contains("snap_start                                = true")
                .contains("publish                                   = true")
                .contains("module \"alias\"")
                .contains("function_targets = { for key, alias in module.alias : key => alias.lambda_alias_arn }");
    }

    @Test
    void eachHandlerRegistersItsPrimingWithCrac() {
        GeneratedProject project = render(SNAPSTART);

        assertThat(project.has(PRIMING)).isTrue();
        assertThat(project.has(PRIMING_TEST)).isTrue();
        assertThat(project.text(PRIMING)).contains("implements Resource").contains("Core.getGlobalContext().register(priming)")
                .contains("public void beforeCheckpoint").contains("public void afterRestore").contains("Uniqueness");
        assertThat(project.text(HANDLERS.get(0))).contains("Priming.register(this, Priming.HEALTH);");
        assertThat(project.text(HANDLERS.get(1))).contains("Priming.register(this, Priming.USERS);");
        assertThat(project.text(HANDLERS.get(2))).contains("Priming.register(this, Priming.ORDERS);");
        assertThat(project.text("pom.xml")).contains("<crac.version>1.5.0</crac.version>").contains("<artifactId>crac</artifactId>");
    }

    @Test
    void withoutPrimingThereIsSnapStartButNoCracAtAll() {
        GeneratedProject project = render(SNAPSTART_WITHOUT_PRIMING);

        assertThat(project.text("infra/functions.tf")).contains("snap_start");
        assertThat(project.has(PRIMING)).isFalse();
        assertThat(project.has(PRIMING_TEST)).isFalse();
        assertThat(project.text("pom.xml")).doesNotContain("crac");
        assertThat(HANDLERS).allSatisfy(handler -> assertThat(project.text(handler)).doesNotContain("Priming"));
    }

    @Test
    void aProjectWithoutItHasNoSnapStartNoPrimingAndNoCrac() {
        GeneratedProject project = render(WITHOUT);

        assertThat(project.files().keySet()).noneMatch(path -> path.contains("/snapstart/"));
        assertThat(project.text("pom.xml")).doesNotContain("crac");
        assertThat(HANDLERS).allSatisfy(handler -> assertThat(project.text(handler)).doesNotContain("Priming"));
        assertThat(project.text("infra/functions.tf")).doesNotContain("publish ");
        assertNoInfraMentions(project, "snap_start", "module.alias");
    }

    @Test
    void theInfrastructureIsFormattedAndSound(@TempDir Path work) {
        assertSoundTerraform(render(SNAPSTART), work.resolve("primed"));
        assertSoundTerraform(render(SNAPSTART_WITHOUT_PRIMING), work.resolve("unprimed"));
    }
}
