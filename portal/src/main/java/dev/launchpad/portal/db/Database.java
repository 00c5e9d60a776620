package dev.launchpad.portal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.launchpad.portal.config.PortalConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool, migrated to the newest schema before anything uses it. Flyway is loaded only when
 * the database lacks a migration that the classpath has: on a restart the schema is nearly always
 * current, and one query says so.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Database open(PortalConfig config) {
        createH2Directory(config.dbUrl());
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.dbUrl());
        hikari.setUsername(config.dbUser());
        hikari.setPassword(config.dbPassword());
        hikari.setMaximumPoolSize(10);
        hikari.setPoolName("launchpad");
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            if (!Migrations.onClasspath(Database.class.getClassLoader()).appliedIn(dataSource)) {
                migrate(dataSource);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    /**
     * H2 creates the directories of a file database itself, but fails when another thread creates one of
     * them at the same moment, as the start's Git work does under the data directory. Java's
     * {@link Files#createDirectories} does not.
     */
    private static void createH2Directory(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return;
        }
        String file = url.substring(prefix.length()).split(";", 2)[0];
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (file.startsWith("~") || parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + parent, e);
        }
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + Migrations.LOCATION)
                .load()
                .migrate();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbc jdbc() {
        return new Jdbc(dataSource);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
