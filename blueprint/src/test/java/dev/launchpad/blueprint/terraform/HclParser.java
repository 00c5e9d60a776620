package dev.launchpad.blueprint.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchpad.blueprint.build.GeneratedBuild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HashiCorp's HCL parser, run offline through node ({@code @cdktf/hcl2json}, which the build installs under
 * {@code blueprint/src/test/hcl}). Each file becomes the JSON form of its body: blocks are objects of
 * arrays, and expressions are strings in Terraform's JSON syntax ({@code "${var.x}"}). One node process
 * serves every parse of a test run, since starting it and loading the parser costs about a second.
 */
public final class HclParser {

    /** The bodies of the files that parsed, and the parser's message for those that did not. */
    public record Parsed(Map<Path, JsonNode> bodies, Map<Path, String> errors) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HclParser installed;

    private final Path script;
    private Process process;
    private BufferedReader answers;

    private HclParser(Path script) {
        this.script = script;
    }

    /** The parser of this repository's test setup, started on first use and stopped with the JVM. */
    public static synchronized HclParser installed() {
        if (installed == null) {
            Path dir = GeneratedBuild.repositoryRoot().resolve("blueprint/src/test/hcl");
            if (!Files.isDirectory(dir.resolve("node_modules/@cdktf/hcl2json"))) {
                throw new IllegalStateException("@cdktf/hcl2json is not installed in " + dir
                        + "; mvn generate-test-resources installs it (npm ci)");
            }
            installed = new HclParser(dir.resolve("parse.js"));
            Runtime.getRuntime().addShutdownHook(new Thread(installed::stop));
        }
        return installed;
    }

    public synchronized Parsed parse(Collection<Path> files) {
        if (files.isEmpty()) {
            return new Parsed(Map.of(), Map.of());
        }
        List<String> paths = files.stream().map(file -> file.toAbsolutePath().toString()).toList();
        try {
            start();
            OutputStream requests = process.getOutputStream();
            requests.write((JSON.writeValueAsString(paths) + "\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
            String answer = answers.readLine();
            if (answer == null) {
                stop();
                throw new IllegalStateException("the HCL parser stopped while parsing " + paths);
            }
            JsonNode result = JSON.readTree(answer);
            Map<Path, JsonNode> bodies = new TreeMap<>();
            result.get("files").fields().forEachRemaining(e -> bodies.put(Path.of(e.getKey()), e.getValue()));
            Map<Path, String> errors = new TreeMap<>();
            result.get("errors").fields().forEachRemaining(e -> errors.put(Path.of(e.getKey()), e.getValue().asText()));
            return new Parsed(bodies, errors);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot talk to the HCL parser (node " + script + " --serve)", e);
        }
    }

    private void start() throws IOException {
        if (process == null || !process.isAlive()) {
            process = new ProcessBuilder("node", script.toString(), "--serve")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }
    }

    private synchronized void stop() {
        if (process != null) {
            process.destroy();
            process = null;
        }
    }
}
