package dev.launchpad.portal.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.launchpad.blueprint.Blueprint;
import dev.launchpad.portal.TestPortal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformModulesTest {

    @TempDir
    Path dir;

    private final GitFacade git = new GitFacade();

    @Test
    void publishingTheSameModulesAgainChangesNothing() {
        PlatformModules modules = new PlatformModules(git, dir.resolve("terraform-modules.git"));

        var first = modules.publish(files("alarms/main.tf", "resource \"x\" \"y\" {}\n"), "1.2.3");
        var second = modules.publish(files("alarms/main.tf", "resource \"x\" \"y\" {}\n"), "1.2.3");

        assertThat(first).isInstanceOf(PlatformModules.Outcome.Published.class);
        assertThat(second).isEqualTo(new PlatformModules.Outcome.Unchanged(((PlatformModules.Outcome.Published) first).commit()));
        assertThat(git.resolve(dir.resolve("terraform-modules.git"), "refs/tags/v1.2.3"))
                .contains(((PlatformModules.Outcome.Published) first).commit());
    }

    @Test
    void changedModulesGetANewCommitAndTheTagMovesToIt() {
        Path repo = dir.resolve("terraform-modules.git");
        PlatformModules modules = new PlatformModules(git, repo);
        ObjectId first = ((PlatformModules.Outcome.Published) modules.publish(files("a.tf", "1\n"), "1.2.3")).commit();

        ObjectId second = ((PlatformModules.Outcome.Published) modules.publish(files("a.tf", "2\n"), "1.2.3")).commit();

        assertThat(second).isNotEqualTo(first);
        assertThat(git.resolve(repo, "refs/tags/v1.2.3")).contains(second);
        assertThat(git.read(repo, "v1.2.3", "a.tf")).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("2\n"));
    }

    @Test
    void thePortalServesTheModulesTaggedWithTheBlueprintVersionAcrossRestarts() throws Exception {
        Path modulesDir = dir.resolve("modules");
        Files.createDirectories(modulesDir.resolve("alarms"));
        Files.writeString(modulesDir.resolve("alarms/main.tf"), "variable \"name\" {}\n");
        Path data = dir.resolve("data");
        String version = Blueprint.load().version();
        String firstTag;
        try (TestPortal portal = TestPortal.start(data, c -> c.withTerraformModulesDir(modulesDir))) {
            firstTag = TestPortal.gitAsAdmin(dir, "ls-remote", "--tags", portal.url() + "/git/platform/terraform-modules.git");
            assertThat(firstTag).contains("refs/tags/v" + version);
            TestPortal.gitAsAdmin(dir, "clone", "--quiet", "--branch", "v" + version,
                    portal.url() + "/git/platform/terraform-modules.git", "clone");
            assertThat(dir.resolve("clone/alarms/main.tf")).hasContent("variable \"name\" {}");
        }
        try (TestPortal again = TestPortal.start(data, c -> c.withTerraformModulesDir(modulesDir))) {
            String secondTag = TestPortal.gitAsAdmin(dir, "ls-remote", "--tags", again.url() + "/git/platform/terraform-modules.git");
            assertThat(secondTag.lines().map(l -> l.split("\\s+")[0]).toList())
                    .isEqualTo(firstTag.lines().map(l -> l.split("\\s+")[0]).toList());
        }
    }

    @Test
    void aRestartWithPublishedModulesServesAtOnceAndPublishRunsStillGetTheirModules() throws Exception {
        Path data = dir.resolve("data");
        String version = Blueprint.load().version();
        try (TestPortal first = TestPortal.start(data)) {
            assertThat(PlatformModules.tagged(data.resolve("git/platform/terraform-modules.git"), version)).isTrue();
        }
        // Same repositories, empty catalog: the demo services are published before the portal serves, so their
        // runs must set the comparison of the modules going themselves instead of waiting for serving.
        var config = TestPortal.config(data, java.util.Map.of("LAUNCHPAD_DEMO_DATA", "true",
                "LAUNCHPAD_DB_URL", "jdbc:h2:file:" + dir.resolve("other-db/launchpad")));
        long started = System.nanoTime();
        try (TestPortal again = TestPortal.start(config)) {
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(60));
            assertThat(again.get("/api/v1/services/order-service").statusCode()).isEqualTo(200);
            TestPortal.gitAsAdmin(dir, "clone", "--quiet", again.url() + "/git/payments/order-service.git", "demo");
        }
    }

    @Test
    void theModulesRepositoryIsReadOnlyOverHttp() throws Exception {
        try (TestPortal portal = TestPortal.start(dir.resolve("data"))) {
            TestPortal.gitAsAdmin(dir, "clone", "--quiet", portal.url() + "/git/platform/terraform-modules.git", "ro");
            Path clone = dir.resolve("ro");
            Files.writeString(clone.resolve("extra.tf"), "# extra\n");
            TestPortal.git(clone, "add", "extra.tf");
            TestPortal.git(clone, "-c", "user.name=x", "-c", "user.email=x@example.com", "commit", "--quiet", "-m", "x");

            Process push = new ProcessBuilder("git", "push", "origin", "HEAD:main").directory(clone.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(push.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(push.waitFor()).as(output).isNotZero();
        }
    }

    @Test
    void theModulesPackagedInAJarAreReadWithTheirPaths() throws Exception {
        Path jar = dir.resolve("portal.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : new String[] {"launchpad/", "launchpad/terraform-modules/", "launchpad/terraform-modules/alarms/"}) {
                out.putNextEntry(new java.util.jar.JarEntry(name));
                out.closeEntry();
            }
            out.putNextEntry(new java.util.jar.JarEntry("launchpad/terraform-modules/alarms/main.tf"));
            out.write("variable \"name\" {}\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new java.util.jar.JarEntry("launchpad/other.txt"));
            out.closeEntry();
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            SortedMap<String, byte[]> files = PlatformModules.fromClasspath(loader);

            assertThat(files.keySet()).containsExactly("alarms/main.tf");
            assertThat(new String(files.get("alarms/main.tf"), StandardCharsets.UTF_8)).isEqualTo("variable \"name\" {}\n");
        }
    }

    private static SortedMap<String, byte[]> files(String path, String content) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        files.put("README.md", "# Platform modules\n".getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
