package dev.launchpad.blueprint.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.render.ModuleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What can be checked of a Terraform configuration without providers or the registry, with a real HCL
 * parser: every file parses; every module call names a platform module or a pinned registry module,
 * passes only inputs that module declares and sets every input it requires; every {@code var.},
 * {@code local.}, {@code module.}, {@code data.} and resource reference resolves, and {@code module.x.y}
 * names an output of x; variable files set only declared variables; no Velocity is left in any file.
 * Platform modules a configuration calls are checked the same way, once each.
 */
public final class TerraformCheck {

    /** One thing wrong, and the file it is in. */
    public record Finding(Path file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    /** Arguments of a module block that are Terraform's own, not inputs of the module. */
    private static final Set<String> META_ARGUMENTS = Set.of("source", "version", "count", "for_each", "providers", "depends_on");

    private static final Pattern VELOCITY = Pattern.compile(
            "\\$!?\\{?(project|features|options|modules|esc|environment)\\b"
                    + "|#\\{?(if|else|elseif|end|set|foreach|macro|parse|include|define|break|stop|evaluate)\\b");

    private static final Pattern REFERENCE = Pattern.compile(
            "(?<![\\w.$-])(var|local|module|data)\\.([A-Za-z_][\\w-]*)(\\[[^\\]]*\\])?(?:\\.([A-Za-z_][\\w-]*))?(?:\\.([A-Za-z_][\\w-]*))?");

    private static final Pattern RESOURCE_REFERENCE = Pattern.compile("(?<![\\w.$-])(aws_[a-z0-9_]+)\\.([A-Za-z_][\\w-]*)");

    private final HclParser parser;
    private final RegistryModules registry;
    private final Map<String, Path> platformModules;
    private final Map<Path, TerraformConfig> loaded = new HashMap<>();

    /**
     * @param platformModules module source, exactly as a configuration writes it, to the directory of that
     *                        platform module (see {@link #platformModules(ModuleSource, Path)})
     */
    TerraformCheck(HclParser parser, RegistryModules registry, Map<String, Path> platformModules) {
        this.parser = parser;
        this.registry = registry;
        this.platformModules = Map.copyOf(platformModules);
    }

    /** A check with the installed parser, the checked-in registry facts and the platform modules of {@code modulesDir}. */
    public static TerraformCheck of(ModuleSource source, Path modulesDir) {
        return new TerraformCheck(HclParser.installed(), RegistryModules.load(), platformModules(source, modulesDir));
    }

    /** Each platform module under {@code modulesDir}, by the source a stack rendered with {@code source} gives it. */
    static Map<String, Path> platformModules(ModuleSource source, Path modulesDir) {
        Map<String, Path> modules = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(modulesDir)) {
            dirs.filter(dir -> Files.isRegularFile(dir.resolve("variables.tf"))).sorted()
                    .forEach(dir -> modules.put(source.of(dir.getFileName().toString()), dir.toAbsolutePath().normalize()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + modulesDir, e);
        }
        return modules;
    }

    public List<Finding> check(Path dir) {
        List<Finding> findings = new ArrayList<>();
        check(load(dir), findings, new HashSet<>());
        return findings;
    }

    TerraformConfig load(Path dir) {
        return loaded.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> TerraformConfig.load(d, parser));
    }

    private void check(TerraformConfig config, List<Finding> findings, Set<Path> checked) {
        if (!checked.add(config.dir)) {
            return;
        }
        if (config.configFiles.isEmpty()) {
            findings.add(new Finding(config.dir, "has no .tf files"));
        }
        config.parseErrors.forEach((file, error) -> findings.add(new Finding(file, "does not parse: " + error)));
        findings.addAll(config.duplicates);
        config.texts.forEach((file, text) -> velocityLeftovers(file, text, findings));
        config.modules.values().forEach(call -> checkCall(config, call, findings, checked));
        for (Path file : config.configFiles) {
            if (config.bodies.containsKey(file)) {
                checkReferences(config, file, config.bodies.get(file), findings);
            }
        }
        for (Path file : config.variableFiles) {
            if (config.bodies.containsKey(file)) {
                config.bodies.get(file).fieldNames().forEachRemaining(name -> {
                    if (!config.variables.containsKey(name)) {
                        findings.add(new Finding(file, "sets " + name + ", which is not a variable of " + config.dir.getFileName()));
                    }
                });
            }
        }
    }

    private static void velocityLeftovers(Path file, String text, List<Finding> findings) {
        Matcher leftover = VELOCITY.matcher(text);
        while (leftover.find()) {
            findings.add(new Finding(file, "keeps Velocity " + leftover.group() + " at line " + line(text, leftover.start())));
        }
    }

    private void checkCall(TerraformConfig config, TerraformConfig.Declaration call, List<Finding> findings, Set<Path> checked) {
        String where = "module " + call.name();
        JsonNode sourceNode = call.body().get("source");
        if (sourceNode == null || !sourceNode.isTextual() || sourceNode.asText().contains("${")) {
            findings.add(new Finding(call.file(), where + " has no literal source"));
            return;
        }
        String source = sourceNode.asText();
        Set<String> given = new TreeSet<>();
        call.body().fieldNames().forEachRemaining(given::add);
        given.removeAll(META_ARGUMENTS);

        Path local = platformModules.get(source);
        Optional<RegistryModules.Module> published = registry.module(source);
        Set<String> declared;
        List<String> required;
        if (local != null) {
            if (call.body().has("version")) {
                findings.add(new Finding(call.file(), where + " sets version, which only registry modules take"));
            }
            TerraformConfig callee = load(local);
            declared = callee.variables.keySet();
            required = callee.requiredVariables();
            check(callee, findings, checked);
        } else if (published.isPresent()) {
            JsonNode version = call.body().get("version");
            if (version == null || !version.asText().equals(published.get().version())) {
                findings.add(new Finding(call.file(), where + " must pin " + source + " to exactly "
                        + published.get().version() + " (the version whose inputs were checked), not "
                        + (version == null ? "no version" : version.asText())));
            }
            declared = published.get().inputs();
            required = List.copyOf(published.get().required());
        } else {
            findings.add(new Finding(call.file(), where + " calls " + source + ", which is neither a platform module"
                    + " nor a registry module listed in terraform/registry-modules.json"));
            return;
        }
        for (String input : given) {
            if (!declared.contains(input)) {
                findings.add(new Finding(call.file(), where + " passes " + input + ", which " + source + " does not declare"));
            }
        }
        for (String input : required) {
            if (!given.contains(input)) {
                findings.add(new Finding(call.file(), where + " does not set " + input + ", which " + source + " requires"));
            }
        }
    }

    /** The outputs of the module a call names, if its source is known. */
    private Optional<Set<String>> outputsOf(TerraformConfig.Declaration call) {
        JsonNode source = call.body().get("source");
        if (source == null) {
            return Optional.empty();
        }
        Path local = platformModules.get(source.asText());
        if (local != null) {
            return Optional.of(load(local).outputs.keySet());
        }
        return registry.module(source.asText()).map(RegistryModules.Module::outputs);
    }

    private void checkReferences(TerraformConfig config, Path file, JsonNode node, List<Finding> findings) {
        if (node.isTextual()) {
            for (String expression : interpolations(node.asText())) {
                checkExpression(config, file, expression, findings);
            }
        } else if (node.isContainerNode()) {
            node.elements().forEachRemaining(child -> checkReferences(config, file, child, findings));
            // Object keys can be expressions too ("${local.x}" = ...).
            node.fieldNames().forEachRemaining(key -> interpolations(key).forEach(e -> checkExpression(config, file, e, findings)));
        }
    }

    private void checkExpression(TerraformConfig config, Path file, String expression, List<Finding> findings) {
        Matcher reference = REFERENCE.matcher(expression);
        while (reference.find()) {
            String kind = reference.group(1);
            String name = reference.group(2);
            String attribute = reference.group(4);
            switch (kind) {
                case "var" -> unresolved(!config.variables.containsKey(name), file, "var." + name, "no such variable", findings);
                case "local" -> unresolved(!config.locals.containsKey(name), file, "local." + name, "no such local value", findings);
                case "data" -> unresolved(attribute == null || !config.dataSources.containsKey(name + "." + attribute),
                        file, "data." + name + "." + attribute, "no such data source", findings);
                default -> {
                    TerraformConfig.Declaration call = config.modules.get(name);
                    if (call == null) {
                        unresolved(true, file, "module." + name, "no such module call", findings);
                    } else if (attribute != null) {
                        Optional<Set<String>> outputs = outputsOf(call);
                        unresolved(outputs.isPresent() && !outputs.get().contains(attribute), file,
                                "module." + name + "." + attribute, "the module has no such output", findings);
                    }
                }
            }
        }
        Matcher resource = RESOURCE_REFERENCE.matcher(expression);
        while (resource.find()) {
            String address = resource.group(1) + "." + resource.group(2);
            unresolved(!config.resources.containsKey(address), file, address, "no such resource", findings);
        }
    }

    private static void unresolved(boolean unresolved, Path file, String reference, String why, List<Finding> findings) {
        if (unresolved) {
            findings.add(new Finding(file, reference + " does not resolve: " + why));
        }
    }

    /**
     * The expressions inside the interpolations and directives of a string in Terraform's JSON syntax,
     * nested templates included; the escaped forms (a doubled dollar or percent sign before the brace)
     * are literal text.
     */
    static List<String> interpolations(String text) {
        List<String> expressions = new ArrayList<>();
        int i = 0;
        while (i < text.length() - 1) {
            if ((text.startsWith("$${", i) || text.startsWith("%%{", i))) {
                i += 3;
            } else if (text.startsWith("${", i) || text.startsWith("%{", i)) {
                int depth = 0;
                int end = i + 1;
                for (; end < text.length(); end++) {
                    char c = text.charAt(end);
                    if (c == '{') {
                        depth++;
                    } else if (c == '}' && --depth == 0) {
                        break;
                    }
                }
                expressions.add(text.substring(i + 2, Math.min(end, text.length())));
                i = end + 1;
            } else {
                i++;
            }
        }
        return expressions;
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
