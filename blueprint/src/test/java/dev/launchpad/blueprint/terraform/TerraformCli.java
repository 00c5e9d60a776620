package dev.launchpad.blueprint.terraform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The terraform command line, for what it can do offline: {@code fmt -check}, which is also a full parse,
 * and init and plan of configurations that need no provider to download.
 */
public final class TerraformCli {

    /** Exit code and output of one run; fmt -check gives 0 when all is well, 3 for misformatted files, 2 for syntax errors. */
    public record Outcome(int exitCode, String output) {
    }

    private TerraformCli() {
    }

    public static Outcome fmtCheck(Path dir) {
        return run(null, List.of(executable(), "fmt", "-check", "-recursive", "-diff", "-no-color", dir.toString()));
    }

    /** Runs terraform with {@code arguments} in {@code dir}; offline, only configurations without providers to download get far. */
    static Outcome run(Path dir, String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable()));
        command.addAll(List.of(arguments));
        return run(dir, command);
    }

    private static String executable() {
        Path pinned = Path.of("/usr/local/bin/terraform");
        return Files.isExecutable(pinned) ? pinned.toString() : "terraform";
    }

    private static Outcome run(Path dir, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Outcome(-1, output + "\n(timed out)");
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + "; Terraform 1.11 is expected on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
