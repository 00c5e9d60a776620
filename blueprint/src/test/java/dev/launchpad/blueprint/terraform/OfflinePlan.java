package dev.launchpad.blueprint.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Plans the logic of a platform module without the AWS provider: its variables (validations included),
 * its locals, and the for_each of each top-level resource and module block, with data sources and
 * resources replaced by {@code terraform_data} stubs whose attributes are known only after apply. That
 * is a real evaluation by Terraform of every expression in those places, offline: type errors,
 * misused functions, and for_each keys that could not be planned all fail it.
 */
final class OfflinePlan {

    private static final Pattern DATA_ATTRIBUTE = Pattern.compile("\\bdata\\.([a-z0-9_]+)\\.([a-z0-9_]+)\\.([a-z0-9_]+)");
    private static final Pattern RESOURCE_ATTRIBUTE = Pattern.compile("(?<![\\w.])(aws_[a-z0-9_]+)\\.([a-z0-9_]+)\\.([a-z0-9_]+)");
    private static final Pattern BLOCK = Pattern.compile("^(resource \"([a-z0-9_]+)\" \"([a-z0-9_]+)\"|module \"([a-z0-9_]+)\") \\{$");
    private static final Pattern FOR_EACH = Pattern.compile("^  for_each = (.+)$");

    private OfflinePlan() {
    }

    /**
     * @param arguments the body of a module block calling the module, in HCL; {@code terraform_data.later.output}
     *                  is a string known only after apply
     */
    static TerraformCli.Outcome of(Path module, String arguments, Path work) {
        try {
            Path copy = work.resolve("module");
            Files.createDirectories(copy);
            Files.copy(module.resolve("variables.tf"), copy.resolve("variables.tf"));
            Files.writeString(copy.resolve("logic.tf"), logic(module));
            Files.writeString(work.resolve("main.tf"), """
                    resource "terraform_data" "later" {
                      input = "known after apply"
                    }

                    module "under_test" {
                      source = "./module"
                    %s
                    }
                    """.formatted(arguments.indent(2)));
            TerraformCli.Outcome init = TerraformCli.run(work, "init", "-input=false", "-no-color", "-backend=false");
            if (init.exitCode() != 0) {
                return init;
            }
            return TerraformCli.run(work, "plan", "-input=false", "-no-color", "-lock=false");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare an offline plan of " + module, e);
        }
    }

    /** The module's locals and repetitions, with data sources and resources swapped for stubs. */
    static String logic(Path module) throws IOException {
        StringBuilder logic = new StringBuilder();
        List<Path> files;
        try (Stream<Path> list = Files.list(module)) {
            files = list.filter(f -> f.toString().endsWith(".tf")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.equals("variables.tf") || name.equals("outputs.tf") || name.equals("versions.tf")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.equals("locals {")) {
                    int end = lines.subList(i, lines.size()).indexOf("}") + i;
                    logic.append(String.join("\n", lines.subList(i, end + 1))).append("\n\n");
                    i = end;
                    continue;
                }
                Matcher block = BLOCK.matcher(line);
                if (block.matches()) {
                    int end = lines.subList(i, lines.size()).indexOf("}") + i;
                    String label = block.group(4) != null ? "module_" + block.group(4) : block.group(2) + "_" + block.group(3);
                    for (String inner : lines.subList(i + 1, end)) {
                        Matcher forEach = FOR_EACH.matcher(inner);
                        if (forEach.matches()) {
                            logic.append("resource \"terraform_data\" \"repeat_").append(label).append("\" {\n")
                                    .append("  for_each = ").append(forEach.group(1)).append("\n")
                                    .append("  input    = each.key\n}\n\n");
                        }
                    }
                    i = end;
                }
            }
        }
        return stubbed(logic.toString());
    }

    private static String stubbed(String logic) {
        Map<String, Set<String>> stubs = new TreeMap<>();
        Matcher data = DATA_ATTRIBUTE.matcher(logic);
        while (data.find()) {
            stubs.computeIfAbsent("data_" + data.group(1) + "_" + data.group(2), k -> new TreeSet<>()).add(data.group(3));
        }
        Matcher resource = RESOURCE_ATTRIBUTE.matcher(logic);
        while (resource.find()) {
            stubs.computeIfAbsent(resource.group(1) + "_" + resource.group(2), k -> new TreeSet<>()).add(resource.group(3));
        }
        String rewritten = DATA_ATTRIBUTE.matcher(logic).replaceAll("local.stub_data_$1_$2.$3");
        rewritten = RESOURCE_ATTRIBUTE.matcher(rewritten).replaceAll("local.stub_$1_$2.$3");
        StringBuilder out = new StringBuilder(rewritten);
        List<String> locals = new ArrayList<>();
        stubs.forEach((stub, attributes) -> {
            out.append("resource \"terraform_data\" \"").append(stub).append("\" {\n  input = {\n");
            attributes.forEach(attribute -> out.append("    ").append(attribute).append(" = \"stub\"\n"));
            out.append("  }\n}\n\n");
            locals.add("  stub_" + stub + " = terraform_data." + stub + ".output");
        });
        if (!locals.isEmpty()) {
            out.append("locals {\n").append(String.join("\n", locals)).append("\n}\n");
        }
        return out.toString();
    }
}
