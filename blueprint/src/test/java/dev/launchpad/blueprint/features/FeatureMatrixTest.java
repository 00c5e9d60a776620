package dev.launchpad.blueprint.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.build.GeneratedBuild;
import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.render.ModuleSource;
import dev.launchpad.blueprint.render.ProjectWriter;
import dev.launchpad.blueprint.spec.SpecJson;
import dev.launchpad.blueprint.spec.Validation;
import dev.launchpad.blueprint.terraform.TerraformCheck;
import dev.launchpad.blueprint.terraform.TerraformCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every feature off, every feature on (the sample's selection), and a pairwise-covering set of selections
 * in between: each renders Java that compiles and whose unit tests pass, and Terraform that is formatted
 * and structurally sound.
 */
class FeatureMatrixTest {

    private static final Blueprint BLUEPRINT = Blueprint.load();
    private static final Path ROOT = GeneratedBuild.repositoryRoot();
    private static final Path MODULES = ROOT.resolve("terraform-modules");
    private static final ModuleSource LOCAL_MODULES = ModuleSource.localDirectory(MODULES.toString());
    private static String classpath;

    static Set<String> everything() throws IOException {
        var features = SpecJson.mapper().readTree(Files.readString(ROOT.resolve("generated-sample/.launchpad/spec.json")))
                .get("features");
        Set<String> ids = new TreeSet<>();
        features.fieldNames().forEachRemaining(ids::add);
        ids.remove("core");
        return ids;
    }

    static Stream<Arguments> selections() throws IOException {
        List<Set<String>> selections = new ArrayList<>();
        selections.add(Set.of());
        selections.add(everything());
        selections.addAll(new PairwiseCombinations(BLUEPRINT.catalog()).covering(20261127L));
        return selections.stream().distinct()
                .map(s -> Arguments.of(Named.of(s.isEmpty() ? "core only" : String.join("+", s), s)));
    }

    private static GeneratedProject render(Set<String> features) {
        ObjectNode request = SpecJson.mapper().createObjectNode()
                .put("name", "matrix-service").put("team", "quality")
                .put("description", "Matrix \"check\" ${x} %{y} */ \\ é")
                .put("javaPackage", "org.acme.matrix");
        ObjectNode selected = request.putObject("features");
        features.forEach(selected::putObject);
        Validation validation = BLUEPRINT.validate(request);
        assertThat(validation).as("selection %s", features).isInstanceOf(Validation.Valid.class);
        return BLUEPRINT.render(((Validation.Valid) validation).spec(), LOCAL_MODULES);
    }

    private static synchronized String classpath() throws IOException {
        if (classpath == null) {
            Path dir = Files.createTempDirectory("matrix-classpath");
            classpath = GeneratedBuild.dependencyClasspath(render(everything()), dir.resolve("project"));
        }
        return classpath;
    }

    @Test
    void theCoveringSetCoversEveryPossiblePairOfFeatures() {
        PairwiseCombinations pairwise = new PairwiseCombinations(BLUEPRINT.catalog());
        List<Set<String>> covering = pairwise.covering(20261127L);
        assertThat(covering).allSatisfy(selection -> assertThat(pairwise.conflictFree(selection)).isTrue());
        assertThat(covering.size()).as("selections").isLessThan(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selections")
    void selectionRendersJavaThatPassesItsTestsAndSoundTerraform(Set<String> features, @TempDir Path work)
            throws IOException {
        GeneratedProject project = render(features);

        Path tree = work.resolve("tree");
        ProjectWriter.toDirectory(project, tree);
        TerraformCli.Outcome fmt = TerraformCli.fmtCheck(tree.resolve("infra"));
        assertThat(fmt.exitCode()).as("terraform fmt -check:\n%s", fmt.output()).isZero();
        assertThat(TerraformCheck.of(LOCAL_MODULES, MODULES).check(tree.resolve("infra"))).isEmpty();

        Path build = work.resolve("build");
        List<String> errors = GeneratedBuild.compile(project, classpath(), build);
        assertThat(errors).as("javac").isEmpty();
        GeneratedBuild.Outcome tests = GeneratedBuild.runTests(build, classpath());
        assertThat(tests.succeeded()).as("generated unit tests:\n%s", tests.output()).isTrue();
        assertThat(tests.output()).containsPattern("\\[\\s*[1-9][0-9]* tests successful");
    }
}
