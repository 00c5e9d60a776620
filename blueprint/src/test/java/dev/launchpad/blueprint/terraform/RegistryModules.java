package dev.launchpad.blueprint.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the pinned terraform-aws-modules versions declare, read from {@code terraform/registry-modules.json}
 * (looked up in each module's variables.tf and outputs.tf at its release tag), since the registry cannot
 * be reached from tests.
 */
final class RegistryModules {

    /** One module at one version: its inputs, those without a default, and its outputs. */
    record Module(String version, Set<String> inputs, Set<String> required, Set<String> outputs) {
    }

    private final Map<String, Module> bySource;

    private RegistryModules(Map<String, Module> bySource) {
        this.bySource = bySource;
    }

    static RegistryModules load() {
        try (InputStream in = RegistryModules.class.getResourceAsStream("/terraform/registry-modules.json")) {
            if (in == null) {
                throw new IllegalStateException("terraform/registry-modules.json is missing from the test classpath");
            }
            Map<String, Module> modules = new TreeMap<>();
            new ObjectMapper().readTree(in).fields().forEachRemaining(e -> modules.put(e.getKey(), new Module(
                    e.getValue().get("version").asText(),
                    names(e.getValue().get("inputs")),
                    names(e.getValue().get("required")),
                    names(e.getValue().get("outputs")))));
            return new RegistryModules(modules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read terraform/registry-modules.json", e);
        }
    }

    /** The module at a registry source such as {@code terraform-aws-modules/cloudwatch/aws//modules/metric-alarm}. */
    Optional<Module> module(String source) {
        return Optional.ofNullable(bySource.get(source));
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        if (array != null) {
            array.forEach(name -> names.add(name.asText()));
        }
        return names;
    }
}
