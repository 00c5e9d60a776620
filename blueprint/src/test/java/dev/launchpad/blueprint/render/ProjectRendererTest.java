package dev.launchpad.blueprint.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.SpecJson;
import dev.launchpad.blueprint.spec.Validation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRendererTest {

    private static final Blueprint BLUEPRINT = Blueprint.load();

    static ProjectSpec spec(String json) {
        return ((Validation.Valid) BLUEPRINT.validate(json)).spec();
    }

    private static final ProjectSpec SPEC = spec(
            "{\"name\":\"order-service\",\"team\":\"payments\",\"description\":\"Takes orders\"}");

    @Test
    void renderingTwiceGivesIdenticalBytes() {
        GeneratedProject first = BLUEPRINT.render(SPEC);
        GeneratedProject second = BLUEPRINT.render(spec(SpecJson.write(SPEC)));
        assertThat(second.files().keySet()).containsExactlyElementsOf(first.files().keySet());
        first.files().forEach((path, bytes) ->
                assertThat(Arrays.equals(bytes, second.files().get(path))).as(path).isTrue());
    }

    @Test
    void everyProjectRecordsItsSpecForReplay() {
        GeneratedProject project = BLUEPRINT.render(SPEC);
        assertThat(project.text(ProjectRenderer.SPEC_PATH)).isEqualTo(SpecJson.write(SPEC));
        assertThat(spec(project.text(ProjectRenderer.SPEC_PATH))).isEqualTo(SPEC);
    }

    @Test
    void noRenderedFileKeepsAVelocityReference() {
        BLUEPRINT.render(SPEC).files().forEach((path, bytes) ->
                assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).as(path)
                        .doesNotContainPattern("\\$!?\\{?(project|features|options|modules|esc)\\b"));
    }

    @Test
    void zipsOfEqualProjectsAreEqual() throws IOException {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ProjectWriter.toZip(BLUEPRINT.render(SPEC), "order-service", a);
        ProjectWriter.toZip(BLUEPRINT.render(SPEC), "order-service", b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }

    @Test
    void writingToANonEmptyDirectoryIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("existing.txt"), "keep me");
        assertThatThrownBy(() -> ProjectWriter.toDirectory(BLUEPRINT.render(SPEC), dir))
                .hasMessageContaining("is not empty");
        assertThat(dir.resolve("existing.txt")).hasContent("keep me");
    }

    @Test
    void theJavaPackageBecomesTheSourcePath() {
        GeneratedProject project = BLUEPRINT.render(spec(
                "{\"name\":\"order-service\",\"team\":\"payments\",\"description\":\"d\",\"javaPackage\":\"org.acme.orders\"}"));
        assertThat(project.files().keySet()).filteredOn(p -> p.startsWith("src/main/java/"))
                .allSatisfy(p -> assertThat(p).startsWith("src/main/java/org/acme/orders/"));
    }

    @Test
    void classNamesArePascalCaseOfTheServiceName() {
        assertThat(ViewModel.className("order-service")).isEqualTo("OrderService");
        assertThat(ViewModel.className("a1-b2-c3")).isEqualTo("A1B2C3");
    }
}
