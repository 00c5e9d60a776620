package dev.launchpad.blueprint.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.build.GeneratedBuild;
import dev.launchpad.blueprint.spec.Problem;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.SpecJson;
import dev.launchpad.blueprint.spec.SpecValidator;
import dev.launchpad.blueprint.spec.Validation;
import dev.launchpad.blueprint.terraform.HclParser;
import java.io.IOException;
import java.net.URI;
import java.text.Normalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile text in the one free-text field either gets a clear validation error, or renders into Java that
 * compiles, Terraform that parses, and Markdown that shows it, with the text intact in each.
 */
class HostileTextTest {

    private static final Blueprint BLUEPRINT = Blueprint.load();
    private static final List<String> FRAGMENTS = List.of(
            "\"", "'", "${", "${var.x}", "%{", "%{ if true }", "}", "*/", "/*", "//", "\\", "\\\\", "\\u0022",
            "\\u000a", "\n", "\r\n", "\t", "é", "日本語", "🚀", "#if(", "#end", "#[[", "]]#", "$foo", "$!{bar}",
            "<script>", "&amp;", "`", "```", "*", "_", "[x](y)", "|", "# ", "- ", "$$", "%%", ":", "{{", "${{ github.token }}",
            " ", "a", "Z", "0", "\u2028", "\u0000");

    private static Path work;

    @BeforeContainer
    static void createWorkDirectory() throws IOException {
        work = Files.createTempDirectory("hostile");
    }

    @AfterContainer
    static void deleteWorkDirectory() throws IOException {
        ProjectWriter.emptyDirectory(work);
        Files.delete(work);
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> fragments = Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(30)
                .map(parts -> String.join("", parts));
        Arbitrary<String> long_ = Arbitraries.of(FRAGMENTS).list().ofMinSize(150).ofMaxSize(400)
                .map(parts -> String.join("", parts));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, fragments),
                net.jqwik.api.Tuple.of(1, long_),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(60)));
    }

    private static Validation validate(String description) {
        return BLUEPRINT.validate(SpecJson.mapper().createObjectNode()
                .put("name", "hostile-service").put("team", "red-team").put("description", description)
                .set("features", SpecJson.mapper().createObjectNode()
                        .set("monitoring", SpecJson.mapper().createObjectNode())));
    }

    @Property(tries = 40)
    void hostileDescriptionsAreRejectedClearlyOrRenderIntact(@ForAll @Size(min = 10, max = 10) List<@net.jqwik.api.From("hostile") String> texts)
            throws IOException {
        Map<String, GeneratedProject> rendered = new LinkedHashMap<>();
        for (String text : texts) {
            switch (validate(text)) {
                case Validation.Invalid invalid -> assertThat(invalid.problems()).as("problems for %s", text)
                        .containsExactly(new Problem("description", "must be " + SpecValidator.DESCRIPTION_RULE));
                case Validation.Valid valid -> {
                    assertThat(valid.spec().description()).isEqualTo(Normalizer.normalize(text, Normalizer.Form.NFC));
                    rendered.put(valid.spec().description(), BLUEPRINT.render(valid.spec()));
                }
            }
        }
        List<Path> terraform = new ArrayList<>();
        int i = 0;
        Map<Path, String> expected = new LinkedHashMap<>();
        for (Map.Entry<String, GeneratedProject> entry : rendered.entrySet()) {
            String text = entry.getKey();
            GeneratedProject project = entry.getValue();
            assertThat(javaStringConstant(project, "DESCRIPTION")).as("Java literal for %s", text).isEqualTo(text);
            assertThat(project.text("README.md")).contains(new Escape().md(text));
            Path tf = work.resolve("api-" + (i++) + "-" + System.nanoTime() + ".tf");
            Files.write(tf, project.files().get("infra/api.tf"));
            terraform.add(tf);
            expected.put(tf, text);
        }
        HclParser.Parsed parsed = HclParser.installed().parse(terraform);
        assertThat(parsed.errors()).isEmpty();
        expected.forEach((file, text) -> assertThat(descriptionIn(parsed.bodies().get(file.toAbsolutePath())))
                .as("Terraform description for %s", text).isEqualTo(text));
    }

    @Property(tries = 2)
    void acceptedHostileDescriptionsCompile(@ForAll @Size(min = 3, max = 3) List<@net.jqwik.api.From("hostile") String> texts)
            throws IOException {
        String classpath = Classpath.get();
        Path dir = Files.createTempDirectory(work, "compile");
        int n = 0;
        List<String> all = new ArrayList<>(texts);
        all.add("He said \"hi\" ${x} %{y} */ /* \\u0022 \\ é 日本 🚀 #if($a) ]]# $esc");
        int compiled = 0;
        for (String text : all) {
            if (validate(text) instanceof Validation.Valid valid) {
                ProjectSpec spec = valid.spec();
                Path projectDir = dir.resolve("p" + n++);
                List<String> errors = GeneratedBuild.compile(BLUEPRINT.render(spec), classpath, projectDir);
                assertThat(errors).as("javac errors for description %s", text).isEmpty();
                compiled++;
            }
        }
        assertThat(compiled).isPositive();
    }

    /** The generated project's dependency classpath, resolved by Maven once per test run. */
    private static final class Classpath {
        private static String value;

        static synchronized String get() throws IOException {
            if (value == null) {
                Path dir = Files.createTempDirectory("hostile-classpath");
                ProjectSpec spec = ((Validation.Valid) validate("classpath")).spec();
                value = GeneratedBuild.dependencyClasspath(BLUEPRINT.render(spec), dir.resolve("project"));
            }
            return value;
        }
    }

    /** The value of the first string constant with this name in the health handler, read by javac's parser. */
    private static String javaStringConstant(GeneratedProject project, String name) throws IOException {
        String path = project.files().keySet().stream()
                .filter(p -> p.endsWith("/health/HealthHandler.java")).findFirst().orElseThrow();
        String source = project.text(path);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///HealthHandler.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) compiler.getTask(null, null, null, List.of("-proc:none"), null, List.of(file));
        AtomicReference<String> value = new AtomicReference<>();
        for (var unit : task.parse()) {
            unit.accept(new TreeScanner<Void, Void>() {
                @Override
                public Void visitVariable(VariableTree variable, Void unused) {
                    if (variable.getName().contentEquals(name) && variable.getInitializer() instanceof LiteralTree literal
                            && value.get() == null) {
                        value.set((String) literal.getValue());
                    }
                    return super.visitVariable(variable, unused);
                }
            }, null);
        }
        return value.get();
    }

    /**
     * The description attribute of the first block that has one. The parser answers in Terraform's JSON
     * syntax, where a literal {@code ${} or {@code %{} is written {@code $${} or {@code %%{}: undo that.
     */
    private static String descriptionIn(JsonNode body) {
        List<String> found = new ArrayList<>();
        body.findValues("description").forEach(node -> {
            if (node.isTextual()) {
                found.add(node.asText());
            }
        });
        assertThat(found).as("description attributes in api.tf").isNotEmpty();
        return found.get(0).replace("$${", "${").replace("%%{", "%{");
    }
}
