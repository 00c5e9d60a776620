package dev.launchpad.blueprint.bench;

import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Renders the full sample spec (every feature on) in memory. Run with {@code blueprint/bench/render.sh};
 * the sample mode reports the median ("p0.50") time per project.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {

    private Blueprint blueprint;
    private ProjectSpec spec;

    @Setup
    public void setUp() throws IOException {
        blueprint = Blueprint.load();
        String json = Files.readString(Path.of(System.getProperty("launchpad.sample.spec",
                "generated-sample/.launchpad/spec.json")));
        spec = ((Validation.Valid) blueprint.validate(json)).spec();
        GeneratedProject project = blueprint.render(spec);
        System.out.printf("%nSample project: %d files, %d bytes%n", project.files().size(), project.totalBytes());
    }

    @Benchmark
    public GeneratedProject renderSample() {
        return blueprint.render(spec);
    }
}
