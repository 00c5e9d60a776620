package dev.launchpad.blueprint.render;

import dev.launchpad.blueprint.catalog.Feature;
import dev.launchpad.blueprint.catalog.FeatureCatalog;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.SpecJson;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * Renders a spec into a project. Each enabled feature contributes the templates the catalog lists for
 * it; a template's output path is its path below the feature's folder, less {@code .vm}, with
 * {@code __package__} replaced by the Java package as a path. A template with {@code __environment__} in
 * its path is rendered once per environment of the spec, with that name in the path and as
 * {@code $environment}. A template that renders to nothing but blanks writes no file, which lets a file
 * depend on an option of its feature. Velocity runs in strict mode, so a template that names something
 * its model lacks fails the render instead of leaving {@code $foo} in a file.
 */
public final class ProjectRenderer {

    static final String TEMPLATE_ROOT = "dev/launchpad/blueprint/templates/";
    static final String ENVIRONMENT_PLACEHOLDER = "__environment__";
    public static final String SPEC_PATH = ".launchpad/spec.json";

    private final FeatureCatalog catalog;
    /** Set up on the first render: it costs over 100 ms, which a portal's start does not need to spend. */
    private volatile VelocityEngine velocity;
    private final Escape escape = new Escape();

    public ProjectRenderer(FeatureCatalog catalog) {
        this.catalog = catalog;
    }

    private VelocityEngine velocity() {
        VelocityEngine engine = velocity;
        if (engine == null) {
            synchronized (this) {
                engine = velocity;
                if (engine == null) {
                    engine = new VelocityEngine(engineProperties());
                    engine.init();
                    velocity = engine;
                }
            }
        }
        return engine;
    }

    private static Properties engineProperties() {
        Properties p = new Properties();
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        // Lets HCL and shell templates write \${local.name} for a literal ${local.name}.
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT_ESCAPE, "true");
        p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        p.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        p.setProperty("resource.loader.classpath.cache", "true");
        p.setProperty("resource.loader.classpath.modification_check_interval", "-1");
        // Unbounded: the default LRU holds 89 templates, fewer than the catalog has, and a full render
        // would then parse every template again (about 100 times slower).
        p.setProperty(RuntimeConstants.RESOURCE_MANAGER_DEFAULTCACHE_SIZE, "0");
        p.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        p.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        return p;
    }

    public GeneratedProject render(ProjectSpec spec, ModuleSource modules) {
        ViewModel model = ViewModel.of(spec, catalog, modules);
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (Feature feature : catalog.features()) {
            if (!spec.has(feature.id())) {
                continue;
            }
            for (String templatePath : feature.templates()) {
                String output = outputPath(templatePath, model);
                if (output.contains(ENVIRONMENT_PLACEHOLDER)) {
                    for (String environment : spec.environments()) {
                        add(files, output.replace(ENVIRONMENT_PLACEHOLDER, environment),
                                merge(templatePath, model, environment));
                    }
                } else {
                    add(files, output, merge(templatePath, model, null));
                }
            }
        }
        files.put(SPEC_PATH, SpecJson.write(spec).getBytes(StandardCharsets.UTF_8));
        return new GeneratedProject(files);
    }

    private static void add(SortedMap<String, byte[]> files, String output, byte[] content) {
        if (new String(content, StandardCharsets.UTF_8).isBlank()) {
            return;
        }
        if (files.put(output, content) != null) {
            throw new IllegalStateException("two templates write " + output);
        }
    }

    /** {@code environment} is null for templates rendered once; then {@code $environment} is unknown to them. */
    private byte[] merge(String templatePath, ViewModel model, String environment) {
        Template template = velocity().getTemplate(TEMPLATE_ROOT + templatePath, "UTF-8");
        VelocityContext context = new VelocityContext();
        context.put("project", model.project());
        context.put("features", model.features());
        context.put("options", model.options());
        context.put("modules", model.modules());
        context.put("esc", escape);
        if (environment != null) {
            context.put("environment", environment);
        }
        StringWriter out = new StringWriter(4096);
        template.merge(context, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String outputPath(String templatePath, ViewModel model) {
        String path = templatePath.substring(templatePath.indexOf('/') + 1);
        if (path.endsWith(".vm")) {
            path = path.substring(0, path.length() - 3);
        }
        return path.replace("__package__", model.project().get("packagePath").toString());
    }
}
