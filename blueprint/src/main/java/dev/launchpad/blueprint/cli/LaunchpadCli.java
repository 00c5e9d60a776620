package dev.launchpad.blueprint.cli;

import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.catalog.Feature;
import dev.launchpad.blueprint.catalog.FeatureLink;
import dev.launchpad.blueprint.catalog.FeatureOption;
import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.render.ModuleSource;
import dev.launchpad.blueprint.render.ProjectWriter;
import dev.launchpad.blueprint.spec.Problem;
import dev.launchpad.blueprint.spec.Validation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The blueprint's command line: list the feature catalog, validate a spec, render a spec. */
@Command(name = "launchpad", mixinStandardHelpOptions = true, versionProvider = LaunchpadCli.Version.class,
        description = "Renders Java AWS Lambda services from a Launchpad spec.",
        subcommands = {LaunchpadCli.Features.class, LaunchpadCli.Validate.class, LaunchpadCli.Render.class})
public final class LaunchpadCli {

    static final Blueprint BLUEPRINT = Blueprint.load();

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new LaunchpadCli()).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Launchpad blueprint " + BLUEPRINT.version()};
        }
    }

    @Command(name = "features", description = "Lists the features a service can have, with their options.")
    static final class Features implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Launchpad blueprint %s%n", BLUEPRINT.version());
            for (Feature feature : BLUEPRINT.catalog().features()) {
                String marker = feature.alwaysOn() ? " (always on)" : feature.defaultEnabled() ? " (on by default)" : "";
                out.printf("%n%s%s: %s%n  %s%n", feature.id(), marker, feature.title(), feature.description());
                for (FeatureOption option : feature.options()) {
                    out.printf("  - %s = %s  (%s)%n      %s%n", option.id(),
                            option.defaultValue() == null ? "<none>" : option.defaultValue(), option.allowed(), option.help());
                }
                for (FeatureLink link : feature.requires()) {
                    out.printf("  requires %s: %s%n", link.feature(), link.reason());
                }
                for (FeatureLink link : feature.conflicts()) {
                    out.printf("  conflicts with %s: %s%n", link.feature(), link.reason());
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "validate", description = "Checks a spec file and prints its problems, one per line.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "SPEC", description = "the spec JSON file (the format of .launchpad/spec.json)")
        Path specFile;

        @Override
        public Integer call() throws IOException {
            return validated(spec, specFile) == null ? 1 : 0;
        }
    }

    @Command(name = "render", description = "Renders a spec file to a directory or a zip.")
    static final class Render implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "SPEC", description = "the spec JSON file (the format of .launchpad/spec.json)")
        Path specFile;

        @Option(names = {"-o", "--output"}, required = true,
                description = "a new or empty directory, or a file name ending in .zip")
        Path output;

        @Option(names = "--modules-source", paramLabel = "URL_OR_DIR",
                description = "where generated Terraform finds the platform modules: a git:: URL"
                        + " (default: the embedded portal's repository) or a local directory")
        String modulesSource;

        @Option(names = "--replace",
                description = "empty the output directory first (after a successful render); used to refresh generated-sample/")
        boolean replace;

        @Option(names = "--modules-ref", paramLabel = "REF",
                description = "the Git ref of the platform modules (default: v<blueprint version>)")
        String modulesRef;

        @Override
        public Integer call() throws IOException {
            var valid = validated(spec, specFile);
            if (valid == null) {
                return 1;
            }
            ModuleSource modules = modulesSource == null
                    ? ModuleSource.embeddedDefault(BLUEPRINT.version())
                    : new ModuleSource(modulesSource, modulesRef == null ? "v" + BLUEPRINT.version() : modulesRef);
            GeneratedProject project = BLUEPRINT.render(valid.spec(), modules);
            if (output.getFileName().toString().endsWith(".zip")) {
                try (OutputStream out = Files.newOutputStream(output)) {
                    ProjectWriter.toZip(project, valid.spec().name(), out);
                }
            } else {
                if (replace) {
                    ProjectWriter.emptyDirectory(output);
                }
                ProjectWriter.toDirectory(project, output);
            }
            spec.commandLine().getOut().printf("Rendered %s: %d files, %d bytes, to %s%n",
                    valid.spec().name(), project.files().size(), project.totalBytes(), output);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static Validation.Valid validated(CommandLine.Model.CommandSpec spec, Path specFile) throws IOException {
        if (!Files.isRegularFile(specFile)) {
            spec.commandLine().getErr().printf("%s: no such file%n", specFile);
            spec.commandLine().getErr().flush();
            return null;
        }
        return switch (BLUEPRINT.validate(Files.readString(specFile))) {
            case Validation.Valid valid -> valid;
            case Validation.Invalid invalid -> {
                PrintWriter err = spec.commandLine().getErr();
                err.printf("%s is not a valid spec:%n", specFile);
                for (Problem problem : invalid.problems()) {
                    err.printf("  %s: %s%n", problem.field().isEmpty() ? "(request)" : problem.field(), problem.message());
                }
                err.flush();
                yield null;
            }
        };
    }
}
