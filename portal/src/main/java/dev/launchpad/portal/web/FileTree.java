package dev.launchpad.portal.web;

import dev.launchpad.portal.git.RepoFile;
import java.util.ArrayList;
import java.util.List;

/** Sorted file paths as the rows of an indented tree: each folder once, before its files. */
public final class FileTree {

    /** A folder ({@code file} false) or a file, at a nesting depth. */
    public record Row(String name, String path, int depth, boolean file, long size) {
    }

    private FileTree() {
    }

    public static List<Row> rows(List<RepoFile> files) {
        List<Row> rows = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (RepoFile f : files.stream().sorted(java.util.Comparator.comparing(RepoFile::path)).toList()) {
            String[] parts = f.path().split("/");
            int common = 0;
            while (common < open.size() && common < parts.length - 1 && open.get(common).equals(parts[common])) {
                common++;
            }
            while (open.size() > common) {
                open.removeLast();
            }
            for (int i = common; i < parts.length - 1; i++) {
                open.add(parts[i]);
                rows.add(new Row(parts[i], String.join("/", open), i, false, 0));
            }
            rows.add(new Row(parts[parts.length - 1], f.path(), parts.length - 1, true, f.size()));
        }
        return rows;
    }
}
