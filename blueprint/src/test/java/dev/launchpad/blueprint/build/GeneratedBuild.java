package dev.launchpad.blueprint.build;

import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.render.ProjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds generated projects for real: with Maven (slow, complete), or by compiling their Java in-process
 * and running their unit tests in a forked JVM against a dependency classpath Maven resolved once (fast
 * enough for a matrix of feature combinations).
 */
public final class GeneratedBuild {

    /** The root of this repository (set by surefire), so tests find generated-sample/ and terraform-modules/. */
    public static Path repositoryRoot() {
        String root = System.getProperty("launchpad.root");
        Path path = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
        if (!Files.isDirectory(path.resolve("generated-sample"))) {
            throw new IllegalStateException("cannot find the repository root from " + path);
        }
        return path;
    }

    /** The outcome of an external command: its exit code and everything it printed. */
    public record Outcome(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    public static Outcome run(Path dir, long timeoutMinutes, String... command) {
        try {
            Path log = Files.createTempFile("launchpad-build", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("PATH", System.getProperty("java.home") + "/bin:" + System.getenv("PATH"));
            Process process = builder.start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Outcome(-1, "timed out after " + timeoutMinutes + " minutes\n" + Files.readString(log));
            }
            String output = Files.readString(log);
            Files.delete(log);
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code mvn verify} in a fresh copy of the project. */
    public static Outcome mavenVerify(GeneratedProject project, Path workDir) throws IOException {
        ProjectWriter.toDirectory(project, workDir);
        return run(workDir, 15, "mvn", "-B", "-q", "verify");
    }

    /** The project's test-scope dependency classpath, resolved by Maven. */
    public static String dependencyClasspath(GeneratedProject project, Path workDir) throws IOException {
        ProjectWriter.toDirectory(project, workDir);
        Outcome outcome = run(workDir, 10, "mvn", "-B", "-q", "dependency:build-classpath",
                "-Dmdep.outputFile=classpath.txt", "-Dmdep.includeScope=test");
        if (!outcome.succeeded()) {
            throw new IllegalStateException("cannot resolve the generated project's dependencies:\n" + outcome.output());
        }
        return Files.readString(workDir.resolve("classpath.txt")).trim();
    }

    /** Compiles {@code src/main/java} and {@code src/test/java}; returns the errors, empty when it compiles. */
    public static List<String> compile(GeneratedProject project, String classpath, Path workDir) throws IOException {
        ProjectWriter.toDirectory(project, workDir.resolve("project"));
        Path main = workDir.resolve("classes");
        Path test = workDir.resolve("test-classes");
        List<String> errors = new ArrayList<>(javac(sources(workDir.resolve("project/src/main/java")), classpath, main));
        if (errors.isEmpty()) {
            errors.addAll(javac(sources(workDir.resolve("project/src/test/java")), main + java.io.File.pathSeparator + classpath, test));
            copyResources(workDir.resolve("project/src/main/resources"), main);
            filterResources(workDir.resolve("project/src/main/filtered"), main, projectVersion(workDir.resolve("project/pom.xml")));
            copyResources(workDir.resolve("project/src/test/resources"), test);
        }
        return errors;
    }

    /** Runs the compiled unit tests in a forked JVM with the JUnit console launcher. */
    public static Outcome runTests(Path workDir, String classpath) {
        String launcher = consoleLauncherJar();
        String cp = String.join(java.io.File.pathSeparator,
                workDir.resolve("test-classes").toString(), workDir.resolve("classes").toString(), classpath, launcher);
        return run(workDir, 5, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "org.junit.platform.console.ConsoleLauncher", "execute",
                "--scan-classpath", workDir.resolve("test-classes").toString(),
                "--fail-if-no-tests", "--disable-banner", "--details=summary");
    }

    /** The console launcher jar from this test run's own classpath (surefire hides it from java.class.path). */
    private static String consoleLauncherJar() {
        try {
            return Path.of(org.junit.platform.console.ConsoleLauncher.class.getProtectionDomain()
                    .getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Does what Maven's resource filtering does for the one property generated projects filter. */
    private static void filterResources(Path from, Path to, String version) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.writeString(target, Files.readString(file).replace("@project.version@", version));
            }
        }
    }

    private static String projectVersion(Path pom) throws IOException {
        var matcher = java.util.regex.Pattern.compile("</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(pom));
        if (!matcher.find()) {
            throw new IllegalStateException("no project version in " + pom);
        }
        return matcher.group(1);
    }

    private static List<Path> sources(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static void copyResources(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static List<String> javac(List<Path> sources, String classpath, Path output) throws IOException {
        Files.createDirectories(output);
        if (sources.isEmpty()) {
            return List.of();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "21", "-encoding", "UTF-8", "-proc:none",
                    "-classpath", classpath, "-d", output.toString());
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .toList();
            return ok || !errors.isEmpty() ? errors : List.of("javac failed without diagnostics");
        }
    }

    private GeneratedBuild() {
    }
}
