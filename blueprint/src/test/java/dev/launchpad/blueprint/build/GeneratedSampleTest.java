package dev.launchpad.blueprint.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.spec.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generated-sample/ is exactly what the blueprint renders for its spec, and that project builds. */
class GeneratedSampleTest {

    private static final Path SAMPLE = GeneratedBuild.repositoryRoot().resolve("generated-sample");
    private static final Blueprint BLUEPRINT = Blueprint.load();

    static GeneratedProject freshRender() throws IOException {
        Validation validation = BLUEPRINT.validate(Files.readString(SAMPLE.resolve(".launchpad/spec.json")));
        assertThat(validation).as("the sample spec").isInstanceOf(Validation.Valid.class);
        return BLUEPRINT.render(((Validation.Valid) validation).spec());
    }

    @Test
    void sampleIsByteIdenticalToAFreshRenderOfItsSpec() throws IOException {
        GeneratedProject fresh = freshRender();
        Map<String, String> onDisk = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = SAMPLE.relativize(file).toString().replace('\\', '/');
                if (!relative.startsWith("target/") && !relative.contains(".terraform/")) {
                    onDisk.put(relative, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(onDisk.keySet()).as("files in generated-sample/ (regenerate it as the README says)")
                .containsExactlyElementsOf(fresh.files().keySet());
        fresh.files().forEach((path, bytes) -> assertThat(onDisk.get(path))
                .as("generated-sample/%s (regenerate it as the README says)", path)
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
    }

    @Test
    void sampleBuildsAndItsTestsPassWithMaven(@TempDir Path work) throws IOException {
        GeneratedBuild.Outcome outcome = GeneratedBuild.mavenVerify(freshRender(), work.resolve("sample"));
        assertThat(outcome.succeeded()).as("mvn verify in a copy of generated-sample:\n%s", outcome.output()).isTrue();
        assertThat(work.resolve("sample/target")).isDirectoryContaining("glob:**/order-service.zip");
    }
}
