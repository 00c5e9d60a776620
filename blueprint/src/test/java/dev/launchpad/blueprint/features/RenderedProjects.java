package dev.launchpad.blueprint.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.build.GeneratedBuild;
import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.render.ModuleSource;
import dev.launchpad.blueprint.render.ProjectWriter;
import dev.launchpad.blueprint.spec.Validation;
import dev.launchpad.blueprint.terraform.TerraformCheck;
import dev.launchpad.blueprint.terraform.TerraformCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Renders specs with the platform modules of this repository, and checks the Terraform of what it rendered. */
final class RenderedProjects {

    static final Blueprint BLUEPRINT = Blueprint.load();
    static final Path MODULES = GeneratedBuild.repositoryRoot().resolve("terraform-modules");
    static final ModuleSource LOCAL_MODULES = ModuleSource.localDirectory(MODULES.toString());

    private RenderedProjects() {
    }

    static GeneratedProject render(String spec) {
        Validation validation = BLUEPRINT.validate(spec);
        assertThat(validation).as(spec).isInstanceOf(Validation.Valid.class);
        return BLUEPRINT.render(((Validation.Valid) validation).spec(), LOCAL_MODULES);
    }

    /** Writes the project below {@code dir} and asserts that its infra/ is formatted and passes the structural check. */
    static void assertSoundTerraform(GeneratedProject project, Path dir) {
        try {
            ProjectWriter.toDirectory(project, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path infra = dir.resolve("infra");
        TerraformCli.Outcome fmt = TerraformCli.fmtCheck(infra);
        assertThat(fmt.exitCode()).as("terraform fmt -check:\n%s", fmt.output()).isZero();
        assertThat(TerraformCheck.of(LOCAL_MODULES, MODULES).check(infra)).isEmpty();
    }

    /** Asserts that no file under infra/ mentions any of {@code words}, ignoring case. */
    static void assertNoInfraMentions(GeneratedProject project, String... words) {
        project.files().keySet().stream().filter(path -> path.startsWith("infra/")).forEach(path -> {
            for (String word : words) {
                assertThat(project.text(path)).as(path).doesNotContainIgnoringCase(word);
            }
        });
    }
}
