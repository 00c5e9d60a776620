package dev.launchpad.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchpad.blueprint.catalog.FeatureCatalog;
import dev.launchpad.blueprint.cost.CostModel;
import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.render.ModuleSource;
import dev.launchpad.blueprint.render.ProjectRenderer;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.SpecJson;
import dev.launchpad.blueprint.spec.SpecValidator;
import dev.launchpad.blueprint.spec.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/** The generator's front door: the catalog, validation of requests, and rendering of specs. */
public final class Blueprint {

    private final String version;
    private final FeatureCatalog catalog;
    private final SpecValidator validator;
    private final ProjectRenderer renderer;
    private final CostModel costs;

    private Blueprint(String version, FeatureCatalog catalog) {
        this.version = version;
        this.catalog = catalog;
        this.validator = new SpecValidator(catalog, version);
        this.renderer = new ProjectRenderer(catalog);
        this.costs = CostModel.load(catalog);
    }

    public static Blueprint load() {
        return new Blueprint(readVersion(), FeatureCatalog.load());
    }

    public String version() {
        return version;
    }

    public FeatureCatalog catalog() {
        return catalog;
    }

    /** The cost model: monthly estimates of specs from the checked-in price table. */
    public CostModel costs() {
        return costs;
    }

    public Validation validate(JsonNode request) {
        return validator.validate(request);
    }

    /** Parses and validates the JSON of a spec; malformed JSON is one problem like any other. */
    public Validation validate(String json) {
        return switch (SpecJson.parse(json)) {
            case SpecJson.Parsed.Ok ok -> validator.validate(ok.node());
            case SpecJson.Parsed.Malformed bad -> new Validation.Invalid(List.of(bad.problem()));
        };
    }

    public GeneratedProject render(ProjectSpec spec) {
        return render(spec, ModuleSource.embeddedDefault(version));
    }

    public GeneratedProject render(ProjectSpec spec, ModuleSource modules) {
        return renderer.render(spec, modules);
    }

    private static String readVersion() {
        try (InputStream in = Blueprint.class.getResourceAsStream("blueprint.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException("blueprint.properties is missing", new IOException(e));
        }
    }
}
