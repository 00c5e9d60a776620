package dev.launchpad.portal.git;

import java.nio.file.Path;

/** Where repositories live on disk and the URLs they are cloned from. */
public record RepositoryLayout(Path gitRoot, String publicUrl) {

    public static final String PLATFORM_TEAM = "platform";
    public static final String MODULES_REPOSITORY = "terraform-modules";

    /** The portal's copy of a service's repository, served over HTTP. */
    public Path service(String team, String name) {
        return gitRoot.resolve(team).resolve(name + ".git");
    }

    public Path platformModules() {
        return service(PLATFORM_TEAM, MODULES_REPOSITORY);
    }

    /** The clone URL of a repository the portal serves. */
    public String cloneUrl(String team, String name) {
        return publicUrl + "/git/" + team + "/" + name + ".git";
    }

    public String platformModulesUrl() {
        return cloneUrl(PLATFORM_TEAM, MODULES_REPOSITORY);
    }
}
