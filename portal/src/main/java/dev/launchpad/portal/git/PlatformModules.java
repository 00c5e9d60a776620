package dev.launchpad.portal.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Publishes the platform's Terraform modules as {@code platform/terraform-modules.git}, tagged
 * {@code v<blueprint version>} so that generated stacks can pin them. Running it again with the same
 * files changes nothing.
 */
public final class PlatformModules {

    /** Where the build puts the modules inside the jar. */
    public static final String CLASSPATH_ROOT = "launchpad/terraform-modules";

    /** What publishing did. */
    public sealed interface Outcome {
        record Unchanged(ObjectId commit) implements Outcome {
        }

        record Published(ObjectId commit, int files) implements Outcome {
        }
    }

    private static final PersonIdent LAUNCHPAD = new PersonIdent("Launchpad", "launchpad@localhost");

    private final GitFacade git;
    private final Path repository;

    public PlatformModules(GitFacade git, Path repository) {
        this.git = git;
        this.repository = repository;
    }

    public Outcome publish(SortedMap<String, byte[]> files, String blueprintVersion) {
        if (!Files.isDirectory(repository)) {
            git.initBare(repository);
        }
        String tag = "v" + blueprintVersion;
        ObjectId before = git.resolve(repository, GitFacade.BRANCH_REF).orElse(null);
        ObjectId taggedBefore = git.resolve(repository, "refs/tags/" + tag).orElse(null);
        PersonIdent now = new PersonIdent(LAUNCHPAD, java.time.Instant.now());
        ObjectId commit = git.commit(repository, files, now, now,
                "Platform Terraform modules for blueprint " + blueprintVersion + "\n");
        git.tag(repository, tag, commit, now, "Platform Terraform modules for blueprint " + blueprintVersion + "\n");
        if (commit.equals(before) && commit.equals(taggedBefore)) {
            return new Outcome.Unchanged(commit);
        }
        return new Outcome.Published(commit, files.size());
    }

    /**
     * Whether the repository has the tag of this blueprint version, read as the loose ref JGit writes rather
     * than by opening the repository: cheap enough for deciding at start-up whether to wait for the modules.
     * A tag stored any other way reads as missing, which only makes a start wait as the first one did.
     */
    public static boolean tagged(Path repository, String blueprintVersion) {
        return Files.isRegularFile(repository.resolve(Constants.R_TAGS + "v" + blueprintVersion));
    }

    /** Reads every regular file below {@code dir}, keyed by its path relative to it. */
    public static SortedMap<String, byte[]> fromDirectory(Path dir) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(p).toString().replace('\\', '/');
                if (!relative.startsWith(".terraform/") && !relative.contains("/.terraform/")
                        && !relative.contains(".tfstate")) {
                    files.put(relative, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Terraform modules in " + dir, e);
        }
        return files;
    }

    /** Reads the modules packaged in the jar (or the build's classes directory); empty if none are. */
    public static SortedMap<String, byte[]> fromClasspath(ClassLoader loader) {
        URL url = loader.getResource(CLASSPATH_ROOT);
        if (url == null) {
            return new TreeMap<>();
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                // The class loader's own open JarFile: no second read of the jar's directory, nothing to close.
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                JarFile jar = connection.getJarFile();
                String entry = connection.getEntryName();
                String prefix = entry.endsWith("/") ? entry : entry + "/";
                SortedMap<String, byte[]> files = new TreeMap<>();
                for (JarEntry file : java.util.Collections.list(jar.entries())) {
                    String relative = file.getName().startsWith(prefix) ? file.getName().substring(prefix.length()) : null;
                    if (relative != null && !file.isDirectory() && !relative.isEmpty()) {
                        try (InputStream in = jar.getInputStream(file)) {
                            files.put(relative, in.readAllBytes());
                        }
                    }
                }
                return files;
            }
            return fromDirectory(Path.of(url.toURI()));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the packaged Terraform modules at " + url, e);
        }
    }
}
