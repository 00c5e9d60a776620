package dev.launchpad.portal.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;

/**
 * The Git operations the portal needs, one verb per method, on bare repositories. Every repository is
 * opened and closed within the call.
 */
public final class GitFacade {

    public static final String BRANCH = "main";
    public static final String BRANCH_REF = Constants.R_HEADS + BRANCH;

    private static final String SHA1_IMPLEMENTATION = "org.eclipse.jgit.util.sha1.implementation";

    static {
        // JGit's own SHA-1 detects the collisions an attacker crafts, at several times the cost of the JDK's,
        // and hashing was a good part of a publish. The portal hashes only content it made itself from its
        // templates and never accepts a push, so it uses the JDK's, unless the operator chose otherwise.
        if (System.getProperty(SHA1_IMPLEMENTATION) == null) {
            System.setProperty(SHA1_IMPLEMENTATION, "jdkNative");
        }
    }

    /** Credentials for a push; {@code none()} for servers that need none. */
    public record Credentials(String username, String password) {
        public static Credentials none() {
            return new Credentials(null, null);
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }

    /**
     * A commit held in memory, not yet anywhere on disk: what a publish run pushes. Writing loose objects
     * and deleting a scratch repository cost far more than the commit itself, so staging stays in memory.
     */
    public static final class Staged implements AutoCloseable {
        private final Repository repository;
        private final ObjectId commit;

        private Staged(Repository repository, ObjectId commit) {
            this.repository = repository;
            this.commit = commit;
        }

        public ObjectId commit() {
            return commit;
        }

        @Override
        public void close() {
            repository.close();
        }
    }

    /** Commits exactly {@code files} as the first commit of {@code main} in a repository held in memory. */
    public Staged stage(SortedMap<String, byte[]> files, PersonIdent author, PersonIdent committer, String message) {
        Repository repo;
        try {
            // a file system is needed by the transports, even for a repository that has no files
            repo = new InMemoryRepository.Builder().setRepositoryDescription(new DfsRepositoryDescription("staging"))
                    .setFS(FS.DETECTED).build();
        } catch (IOException e) {
            throw new GitException("cannot stage a commit", e);
        }
        try {
            repo.create(true);
            repo.updateRef(Constants.HEAD).link(BRANCH_REF);
            // An initial commit has nothing to delta against worth the search; pushing it whole is several times cheaper.
            repo.getConfig().setBoolean(ConfigConstants.CONFIG_PACK_SECTION, null, ConfigConstants.CONFIG_KEY_DELTA_COMPRESSION, false);
            repo.getConfig().setInt(ConfigConstants.CONFIG_PACK_SECTION, null, ConfigConstants.CONFIG_KEY_THREADS, 1);
            return new Staged(repo, commit(repo, files, author, committer, message));
        } catch (IOException | RuntimeException e) {
            repo.close();
            throw e instanceof GitException g ? g : new GitException("cannot stage a commit", e);
        }
    }

    /**
     * Creates a bare repository at {@code dir} that holds a commit of exactly {@code files} but no branch
     * yet; {@link #createBranch} then publishes it. For a repository the portal serves itself this leaves
     * what a push would, one pack, without building a pack stream, sending it to itself and indexing it
     * again on the other side.
     */
    public ObjectId initBare(Path dir, SortedMap<String, byte[]> files, PersonIdent author, PersonIdent committer,
                             String message) {
        try (Git created = Git.init().setBare(true).setInitialBranch(BRANCH).setDirectory(dir.toFile()).call();
             PackInserter inserter = ((FileRepository) created.getRepository()).getObjectDatabase().newPackInserter()) {
            inserter.checkExisting(false); // the repository is new: nothing to look up
            // zlib's fastest level: a third less CPU than the default for packs a tenth larger, on text
            inserter.setCompressionLevel(Deflater.BEST_SPEED);
            ObjectId id = inserter.insert(commitOf(writeTree(files, inserter), null, author, committer, message));
            inserter.flush();
            return id;
        } catch (IOException | GitAPIException e) {
            throw new GitException("cannot commit in " + dir, e);
        }
    }

    /** Points {@code main} at {@code commit} in a repository that has no {@code main} yet. */
    public void createBranch(Path dir, ObjectId commit) {
        try (Repository repo = open(dir); RevWalk walk = new RevWalk(repo)) {
            RefUpdate update = repo.updateRef(BRANCH_REF);
            update.setNewObjectId(commit);
            update.setExpectedOldObjectId(ObjectId.zeroId());
            RefUpdate.Result result = update.update(walk);
            if (result != RefUpdate.Result.NEW) {
                throw new GitException("could not create " + BRANCH + " in " + dir + ": " + result, null);
            }
        } catch (IOException e) {
            throw new GitException("cannot create " + BRANCH + " in " + dir, e);
        }
    }

    /** Creates an empty bare repository whose HEAD names {@code main}. */
    public void initBare(Path dir) {
        try (Git ignored = Git.init().setBare(true).setInitialBranch(BRANCH).setDirectory(dir.toFile()).call()) {
            // created
        } catch (GitAPIException e) {
            throw new GitException("cannot create a repository at " + dir, e);
        }
    }

    /**
     * Commits exactly {@code files} (nothing else) on {@code main}, on top of its current commit if any.
     * Returns the commit, or the current one unchanged when its tree already holds these files.
     */
    public ObjectId commit(Path repoDir, SortedMap<String, byte[]> files, PersonIdent author, PersonIdent committer,
                           String message) {
        try (Repository repo = open(repoDir)) {
            return commit(repo, files, author, committer, message);
        } catch (IOException e) {
            throw new GitException("cannot commit in " + repoDir, e);
        }
    }

    private static ObjectId commit(Repository repo, SortedMap<String, byte[]> files, PersonIdent author,
                                   PersonIdent committer, String message) {
        try (ObjectInserter inserter = repo.newObjectInserter(); RevWalk walk = new RevWalk(repo)) {
            ObjectId tree = writeTree(files, inserter);
            ObjectId parent = repo.resolve(BRANCH_REF);
            if (parent != null && walk.parseCommit(parent).getTree().getId().equals(tree)) {
                return parent;
            }
            ObjectId id = inserter.insert(commitOf(tree, parent, author, committer, message));
            inserter.flush();
            RefUpdate update = repo.updateRef(BRANCH_REF);
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
            update.setRefLogMessage("commit: " + message.lines().findFirst().orElse(""), false);
            RefUpdate.Result result = update.update(walk);
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new GitException("could not move " + BRANCH + " to the new commit: " + result, null);
            }
            return id;
        } catch (IOException e) {
            throw new GitException("cannot commit", e);
        }
    }

    /** Points the annotated tag {@code name} at {@code target}, moving it if it points elsewhere. */
    public void tag(Path repoDir, String name, ObjectId target, PersonIdent tagger, String message) {
        try (Repository repo = open(repoDir); ObjectInserter inserter = repo.newObjectInserter();
             RevWalk walk = new RevWalk(repo)) {
            String ref = Constants.R_TAGS + name;
            ObjectId current = repo.resolve(ref + "^{commit}");
            if (target.equals(current)) {
                return;
            }
            TagBuilder tag = new TagBuilder();
            tag.setTag(name);
            tag.setObjectId(target, Constants.OBJ_COMMIT);
            tag.setTagger(tagger);
            tag.setMessage(message);
            ObjectId tagId = inserter.insert(tag);
            inserter.flush();
            RefUpdate update = repo.updateRef(ref);
            update.setNewObjectId(tagId);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update(walk);
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED) {
                throw new GitException("could not set tag " + name + ": " + result, null);
            }
        } catch (IOException e) {
            throw new GitException("cannot tag in " + repoDir, e);
        }
    }

    /** The commit a revision (branch, tag or id) names, if the repository has it. */
    public Optional<ObjectId> resolve(Path repoDir, String revision) {
        if (!Files.isDirectory(repoDir)) {
            return Optional.empty();
        }
        try (Repository repo = open(repoDir)) {
            return Optional.ofNullable(repo.resolve(revision + "^{commit}"));
        } catch (IOException e) {
            throw new GitException("cannot read " + repoDir, e);
        }
    }

    /** Pushes a staged commit's {@code main} to {@code url}, checking the remote's answer for every ref. */
    public PushOutcome push(Staged staged, String url, Credentials credentials, int timeoutSeconds) {
        return push(staged.repository, url, credentials, timeoutSeconds);
    }

    /** Pushes {@code main} to {@code url}, checking the remote's answer for every ref. */
    public PushOutcome push(Path repoDir, String url, Credentials credentials, int timeoutSeconds) {
        try (Repository repo = open(repoDir)) {
            return push(repo, url, credentials, timeoutSeconds);
        } catch (IOException e) {
            throw new GitException("cannot open " + repoDir, e);
        }
    }

    private static PushOutcome push(Repository repo, String url, Credentials credentials, int timeoutSeconds) {
        try (Git git = Git.wrap(repo)) {
            var push = git.push()
                    .setRemote(url)
                    .setRefSpecs(new RefSpec(BRANCH_REF + ":" + BRANCH_REF))
                    .setTimeout(timeoutSeconds);
            if (credentials.username() != null) {
                push.setCredentialsProvider(new UsernamePasswordCredentialsProvider(credentials.username(),
                        credentials.password() == null ? "" : credentials.password()));
            }
            Iterable<PushResult> results = push.call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        String said = Stream.of(update.getMessage(), result.getMessages())
                                .filter(m -> m != null && !m.isBlank()).map(String::strip)
                                .reduce((a, b) -> a + "; " + b).orElse("no reason given");
                        return new PushOutcome.Rejected(update.getRemoteName(), update.getStatus().name(), said);
                    }
                }
            }
            return new PushOutcome.Pushed(url);
        } catch (GitAPIException e) {
            return new PushOutcome.Unreachable(e.getMessage());
        }
    }

    /** The files of the tree at {@code revision}, in path order. */
    public List<RepoFile> files(Path repoDir, String revision) {
        try (Repository repo = open(repoDir); RevWalk walk = new RevWalk(repo);
             TreeWalk tree = new TreeWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            ObjectId id = repo.resolve(revision + "^{commit}");
            if (id == null) {
                return List.of();
            }
            RevCommit commit = walk.parseCommit(id);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            List<RepoFile> files = new ArrayList<>();
            while (tree.next()) {
                files.add(new RepoFile(tree.getPathString(), reader.getObjectSize(tree.getObjectId(0), Constants.OBJ_BLOB)));
            }
            return files;
        } catch (IOException e) {
            throw new GitException("cannot list files in " + repoDir, e);
        }
    }

    /** The content of one file at {@code revision}. */
    public Optional<byte[]> read(Path repoDir, String revision, String path) {
        try (Repository repo = open(repoDir); RevWalk walk = new RevWalk(repo)) {
            ObjectId id = repo.resolve(revision + "^{commit}");
            if (id == null) {
                return Optional.empty();
            }
            try (TreeWalk tree = TreeWalk.forPath(repo, path, walk.parseCommit(id).getTree())) {
                if (tree == null || tree.getFileMode(0) == FileMode.TREE) {
                    return Optional.empty();
                }
                return Optional.of(repo.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes());
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Removes a repository directory and everything in it; nothing happens if it does not exist. */
    public void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static CommitBuilder commitOf(ObjectId tree, ObjectId parent, PersonIdent author, PersonIdent committer,
                                          String message) {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        if (parent != null) {
            commit.setParentId(parent);
        }
        commit.setAuthor(author);
        commit.setCommitter(committer);
        commit.setMessage(message);
        return commit;
    }

    private static ObjectId writeTree(SortedMap<String, byte[]> files, ObjectInserter inserter) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            DirCacheEntry entry = new DirCacheEntry(file.getKey());
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setLength(file.getValue().length);
            entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
            builder.add(entry);
        }
        builder.finish();
        return index.writeTree(inserter);
    }

    private static Repository open(Path dir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    }
}
