package dev.launchpad.portal.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * The Flyway migrations on the classpath, and whether a database already has exactly them. Loading and
 * running Flyway costs a few hundred milliseconds of every start even when there is nothing to migrate;
 * this check answers with one query, and Flyway still runs (and decides) whenever the answer is not a
 * plain yes: a migration missing, failed, edited since it ran, or anything it does not recognise.
 */
public final class Migrations {

    /** Where Flyway looks, as a class loader resource name. */
    public static final String LOCATION = "db/migration";

    /** Flyway's versioned migrations: {@code V<version>__<description>.sql}, the version in parts separated by . or _. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.*\\.sql");

    /** One versioned migration: its normalised version and Flyway's checksum of its text. */
    record Migration(String version, String script, int checksum) {
    }

    private final List<Migration> migrations;
    private final boolean onlyVersioned;

    private Migrations(List<Migration> migrations, boolean onlyVersioned) {
        this.migrations = migrations;
        this.onlyVersioned = onlyVersioned;
    }

    /** Finds the migrations as Flyway would: every {@code .sql} file below {@link #LOCATION}, in a jar or a directory. */
    public static Migrations onClasspath(ClassLoader loader) {
        Map<String, byte[]> scripts = new HashMap<>();
        try {
            for (URL url : Collections.list(loader.getResources(LOCATION))) {
                scripts.putAll(read(url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the database migrations", e);
        }
        List<Migration> found = new ArrayList<>();
        boolean onlyVersioned = true;
        for (Map.Entry<String, byte[]> script : scripts.entrySet()) {
            String name = script.getKey().substring(script.getKey().lastIndexOf('/') + 1);
            Matcher versioned = VERSIONED.matcher(name);
            if (versioned.matches()) {
                found.add(new Migration(normalise(versioned.group(1)), name, checksum(script.getValue())));
            } else if (name.endsWith(".sql")) {
                onlyVersioned = false;
            }
        }
        return new Migrations(List.copyOf(found), onlyVersioned);
    }

    /** How many versioned migrations there are. */
    public int size() {
        return migrations.size();
    }

    /**
     * True when Flyway's history in {@code dataSource} records exactly these migrations, each successful
     * and with the same checksum, so that migrating would change nothing. False on any doubt, including a
     * database without the history table.
     */
    public boolean appliedIn(DataSource dataSource) {
        if (!onlyVersioned || migrations.isEmpty()) {
            return false;
        }
        Map<String, Integer> applied = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select \"version\", \"type\", \"checksum\", \"success\" from \"flyway_schema_history\"")) {
            while (rs.next()) {
                String version = rs.getString(1);
                if (version == null) {
                    continue; // the row that records the creation of the history table itself
                }
                int checksum = rs.getInt(3);
                boolean noChecksum = rs.wasNull();
                if (!rs.getBoolean(4) || !"SQL".equals(rs.getString(2)) || noChecksum
                        || applied.put(normalise(version), checksum) != null) {
                    return false;
                }
            }
        } catch (SQLException e) {
            return false;
        }
        if (applied.size() != migrations.size()) {
            return false;
        }
        for (Migration m : migrations) {
            if (!Objects.equals(applied.get(m.version()), m.checksum())) {
                return false;
            }
        }
        return true;
    }

    /** 1_1, 1.1 and 1.1.0 are the same version to Flyway. */
    static String normalise(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : version.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.getLast().signum() == 0) {
            parts.removeLast();
        }
        return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }

    /** Flyway's checksum: CRC32 over the UTF-8 bytes of each line without its line break, less a leading BOM. */
    static int checksum(byte[] script) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(script), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }

    private static Map<String, byte[]> read(URL url) throws IOException {
        Map<String, byte[]> scripts = new HashMap<>();
        if ("jar".equals(url.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            JarFile jar = connection.getJarFile();
            String entry = connection.getEntryName();
            String prefix = entry.endsWith("/") ? entry : entry + "/";
            for (JarEntry file : Collections.list(jar.entries())) {
                if (file.getName().startsWith(prefix) && !file.isDirectory()) {
                    try (InputStream in = jar.getInputStream(file)) {
                        scripts.put(file.getName(), in.readAllBytes());
                    }
                }
            }
            return scripts;
        }
        try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                scripts.put(file.toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the migrations at " + url, e);
        }
        return scripts;
    }
}
