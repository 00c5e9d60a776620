package dev.launchpad.blueprint.render;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** A rendered project in memory: relative path (with forward slashes) to file content, sorted by path. */
public record GeneratedProject(SortedMap<String, byte[]> files) {

    public GeneratedProject {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public String text(String path) {
        byte[] content = files.get(path);
        if (content == null) {
            throw new IllegalArgumentException("no generated file " + path);
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    public boolean has(String path) {
        return files.containsKey(path);
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }
}
