package dev.launchpad.blueprint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LaunchpadCliTest {

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        CommandLine cli = new CommandLine(new LaunchpadCli());
        cli.setOut(new java.io.PrintWriter(out));
        cli.setErr(new java.io.PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static Path spec(Path dir, String json) throws IOException {
        return Files.writeString(dir.resolve("spec.json"), json);
    }

    @Test
    void featuresListsEveryFeatureWithItsOptionsAndConstraints() {
        Result result = run("features");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("core (always on)", "monitoring (on by default)", "memoryMb = 1024",
                "requires monitoring: budget alerts");
    }

    @Test
    void renderWritesTheProjectToANewDirectory(@TempDir Path dir) throws IOException {
        Path spec = spec(dir, "{\"name\":\"order-service\",\"team\":\"payments\",\"description\":\"d\"}");
        Result result = run("render", spec.toString(), "-o", dir.resolve("out").toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Rendered order-service:");
        assertThat(dir.resolve("out/.launchpad/spec.json")).exists();
    }

    @Test
    void renderWritesAZipWithTheServiceAsItsTopFolder(@TempDir Path dir) throws IOException {
        Path spec = spec(dir, "{\"name\":\"order-service\",\"team\":\"payments\",\"description\":\"d\"}");
        assertThat(run("render", spec.toString(), "-o", dir.resolve("p.zip").toString()).exit()).isZero();
        try (ZipFile zip = new ZipFile(dir.resolve("p.zip").toFile())) {
            assertThat(zip.getEntry("order-service/.launchpad/spec.json")).isNotNull();
        }
    }

    @Test
    void renderReplacesADirectoryOnlyWhenAsked(@TempDir Path dir) throws IOException {
        Path spec = spec(dir, "{\"name\":\"order-service\",\"team\":\"payments\",\"description\":\"d\"}");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("stale.txt"), "old");
        assertThat(run("render", spec.toString(), "-o", out.toString()).exit()).isNotZero();
        assertThat(run("render", spec.toString(), "-o", out.toString(), "--replace").exit()).isZero();
        assertThat(out.resolve("stale.txt")).doesNotExist();
    }

    @Test
    void anInvalidSpecPrintsEachProblemWithItsFieldAndRendersNothing(@TempDir Path dir) throws IOException {
        Path spec = spec(dir, "{\"name\":\"Bad Name\",\"team\":\"payments\"}");
        Result result = run("render", spec.toString(), "-o", dir.resolve("out").toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("name: must be 3 to 24 characters", "description: is required");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void validateSucceedsQuietlyOnAGoodSpec(@TempDir Path dir) throws IOException {
        Path spec = spec(dir, "{\"name\":\"order-service\",\"team\":\"payments\",\"description\":\"d\"}");
        assertThat(run("validate", spec.toString()).exit()).isZero();
        assertThat(run("validate", dir.resolve("missing.json").toString()).err()).contains("no such file");
    }
}
