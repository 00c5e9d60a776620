package dev.launchpad.portal.scaffold;

import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.blueprint.render.GeneratedProject;
import dev.launchpad.blueprint.render.ModuleSource;
import dev.launchpad.blueprint.render.ProjectWriter;
import dev.launchpad.blueprint.spec.ProjectSpec;
import dev.launchpad.blueprint.spec.SpecJson;
import dev.launchpad.blueprint.spec.Validation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The blueprint as the portal uses it: generated projects take their platform modules from the portal's
 * own Git server, pinned to the tag of this blueprint version.
 */
public final class Projects {

    private static final long CACHE_BYTES = 64L << 20;

    private final Blueprint blueprint;
    private final ModuleSource modules;
    private final RenderCache<String, GeneratedProject> rendered =
            new RenderCache<>(64, CACHE_BYTES, GeneratedProject::totalBytes);
    private final RenderCache<String, byte[]> zipped = new RenderCache<>(64, CACHE_BYTES, zip -> (long) zip.length);

    public Projects(Blueprint blueprint, String platformModulesUrl) {
        this.blueprint = blueprint;
        this.modules = new ModuleSource("git::" + platformModulesUrl, "v" + blueprint.version());
    }

    public Blueprint blueprint() {
        return blueprint;
    }

    public ModuleSource modules() {
        return modules;
    }

    public Validation validate(String json) {
        return blueprint.validate(json);
    }

    /** The generated project; the canonical spec JSON is the cache key, as the spec is all rendering reads. */
    public GeneratedProject render(ProjectSpec spec) {
        return rendered.get(SpecJson.write(spec), key -> blueprint.render(spec, modules));
    }

    /** The project as a zip whose single top-level folder is the service name. */
    public byte[] zip(ProjectSpec spec) {
        return zipped.get(SpecJson.write(spec), key -> toZip(spec));
    }

    private byte[] toZip(ProjectSpec spec) {
        GeneratedProject project = render(spec);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(project.totalBytes() / 2 + 1024, 8 << 20));
        try {
            ProjectWriter.toZip(project, spec.name(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
