package dev.launchpad.blueprint.render;

/**
 * Where generated Terraform finds the platform's own modules. Terraform does not allow variables in a
 * module source, so it is fixed at render time: a Git URL with a version ref (the default, served by the
 * portal), or a local directory (tests and offline work).
 */
public record ModuleSource(String base, String ref) {

    /** The embedded portal's Git server, as a developer running Launchpad locally has it. */
    public static ModuleSource embeddedDefault(String blueprintVersion) {
        return new ModuleSource("git::http://localhost:7070/git/platform/terraform-modules.git", "v" + blueprintVersion);
    }

    public static ModuleSource localDirectory(String path) {
        return new ModuleSource(path, null);
    }

    /** The {@code source} of one module, e.g. {@code git::https://host/modules.git//alarms?ref=v0.1.0}. */
    public String of(String module) {
        return base.startsWith("git::") ? base + "//" + module + "?ref=" + ref : base + "/" + module;
    }
}
