package dev.launchpad.portal.git;

/** A file in a commit's tree. */
public record RepoFile(String path, long size) {
}
