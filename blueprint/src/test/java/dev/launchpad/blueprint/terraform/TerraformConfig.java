package dev.launchpad.blueprint.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One Terraform module directory, parsed: what its {@code .tf} files declare, plus the variable files
 * ({@code .tfvars}, {@code terraform.tfvars.example}) and other HCL ({@code .hcl}) below it.
 */
final class TerraformConfig {

    /** A named declaration and where it is: a variable, output, local, module call, resource or data source. */
    record Declaration(String name, Path file, JsonNode body) {
    }

    final Path dir;
    final List<Path> configFiles;
    final List<Path> variableFiles;
    final List<Path> otherFiles;
    final Map<Path, String> texts = new TreeMap<>();
    final Map<Path, JsonNode> bodies;
    final Map<Path, String> parseErrors;
    final Map<String, Declaration> variables = new LinkedHashMap<>();
    final Map<String, Declaration> outputs = new LinkedHashMap<>();
    final Map<String, Declaration> locals = new LinkedHashMap<>();
    final Map<String, Declaration> modules = new LinkedHashMap<>();
    /** Keyed by {@code type.name}. */
    final Map<String, Declaration> resources = new LinkedHashMap<>();
    /** Keyed by {@code type.name}. */
    final Map<String, Declaration> dataSources = new LinkedHashMap<>();
    final List<TerraformCheck.Finding> duplicates = new ArrayList<>();

    private TerraformConfig(Path dir, List<Path> configFiles, List<Path> variableFiles, List<Path> otherFiles,
                            HclParser.Parsed parsed) {
        this.dir = dir;
        this.configFiles = configFiles;
        this.variableFiles = variableFiles;
        this.otherFiles = otherFiles;
        this.bodies = parsed.bodies();
        this.parseErrors = parsed.errors();
        for (Path file : configFiles) {
            JsonNode body = bodies.get(file);
            if (body == null) {
                continue;
            }
            collect(file, body.get("variable"), variables, "variable");
            collect(file, body.get("output"), outputs, "output");
            collect(file, body.get("module"), modules, "module");
            collectTyped(file, body.get("resource"), resources, "resource");
            collectTyped(file, body.get("data"), dataSources, "data source");
            if (body.has("locals")) {
                for (JsonNode block : body.get("locals")) {
                    block.fields().forEachRemaining(e -> declare(locals, new Declaration(e.getKey(), file, e.getValue()), "local"));
                }
            }
        }
    }

    static TerraformConfig load(Path dir, HclParser parser) {
        Path base = dir.toAbsolutePath().normalize();
        List<Path> config = new ArrayList<>();
        List<Path> variables = new ArrayList<>();
        List<Path> other = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (base.relativize(file).toString().contains(".terraform")) {
                    continue;
                }
                String name = file.getFileName().toString();
                if (name.endsWith(".tf") && file.getParent().equals(base)) {
                    config.add(file);
                } else if (name.endsWith(".tfvars") || name.endsWith(".tfvars.example")) {
                    variables.add(file);
                } else if (name.endsWith(".hcl")) {
                    other.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<Path> all = new ArrayList<>(config);
        all.addAll(variables);
        all.addAll(other);
        TerraformConfig loaded = new TerraformConfig(base, config, variables, other, parser.parse(all));
        for (Path file : all) {
            try {
                loaded.texts.put(file, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return loaded;
    }

    /** Inputs whose variable has no default: a caller must set them. */
    List<String> requiredVariables() {
        return variables.values().stream().filter(v -> !v.body().has("default")).map(Declaration::name).toList();
    }

    private void collect(Path file, JsonNode blocks, Map<String, Declaration> into, String kind) {
        if (blocks != null) {
            blocks.fields().forEachRemaining(e -> declare(into, new Declaration(e.getKey(), file, e.getValue().get(0)), kind));
        }
    }

    private void collectTyped(Path file, JsonNode types, Map<String, Declaration> into, String kind) {
        if (types != null) {
            types.fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(named -> declare(into,
                    new Declaration(type.getKey() + "." + named.getKey(), file, named.getValue().get(0)), kind)));
        }
    }

    private void declare(Map<String, Declaration> into, Declaration declaration, String kind) {
        Declaration earlier = into.putIfAbsent(declaration.name(), declaration);
        if (earlier != null) {
            duplicates.add(new TerraformCheck.Finding(declaration.file(), kind + " " + declaration.name()
                    + " is declared again (first in " + earlier.file().getFileName() + ")"));
        }
    }
}
