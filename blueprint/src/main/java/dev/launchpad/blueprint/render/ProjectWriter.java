package dev.launchpad.blueprint.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a rendered project out: to a directory, or as a zip whose bytes depend only on the project. */
public final class ProjectWriter {

    /** Zip entries carry this time instead of "now", so equal projects give equal zips. */
    private static final FileTime FIXED_TIME = FileTime.fromMillis(315_532_800_000L); // 1980-01-01T00:00:00Z

    private ProjectWriter() {
    }

    /** Writes every file below {@code root}, which must not exist or be empty, refusing paths that escape it. */
    public static void toDirectory(GeneratedProject project, Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        if (Files.isDirectory(base)) {
            try (var entries = Files.list(base)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(root + " is not empty; render into a new or empty directory");
                }
            }
        }
        for (Map.Entry<String, byte[]> file : project.files().entrySet()) {
            Path target = base.resolve(file.getKey()).normalize();
            if (!target.startsWith(base)) {
                throw new IOException("refusing to write outside " + root + ": " + file.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    /** Deletes everything below {@code root} but {@code root} itself; a missing directory is fine. */
    public static void emptyDirectory(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs)
                    throws IOException {
                Files.delete(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                if (!dir.equals(root)) {
                    Files.delete(dir);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    /** Writes the project as a zip with one top-level folder, {@code prefix}. */
    public static void toZip(GeneratedProject project, String prefix, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, byte[]> file : project.files().entrySet()) {
            ZipEntry entry = new ZipEntry(prefix + "/" + file.getKey());
            entry.setLastModifiedTime(FIXED_TIME);
            entry.setCreationTime(FIXED_TIME);
            entry.setLastAccessTime(FIXED_TIME);
            zip.putNextEntry(entry);
            zip.write(file.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }
}
