package dev.launchpad.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path dir;

    private final Migrations migrations = Migrations.onClasspath(MigrationsTest.class.getClassLoader());

    @Test
    void aFreshDatabaseNeedsFlyway() {
        assertThat(migrations.size()).isPositive();
        assertThat(migrations.appliedIn(h2("fresh"))).isFalse();
    }

    @Test
    void aDatabaseFlywayMigratedIsCurrentAndTheChecksumsAreFlyways() {
        JdbcDataSource db = h2("migrated");
        Flyway flyway = Flyway.configure().dataSource(db).locations("classpath:" + Migrations.LOCATION).load();
        flyway.migrate();

        Map<String, Integer> flywayChecksums = Arrays.stream(flyway.info().applied())
                .collect(Collectors.toMap(i -> i.getVersion().getVersion(), MigrationInfo::getChecksum));
        assertThat(migrations.appliedIn(db)).isTrue();
        assertThat(flywayChecksums).hasSize(migrations.size());
    }

    @Test
    void aMissingFailedOrEditedMigrationSendsTheStartToFlyway() throws Exception {
        JdbcDataSource db = h2("behind");
        Flyway.configure().dataSource(db).locations("classpath:" + Migrations.LOCATION).load().migrate();

        sql(db, "update \"flyway_schema_history\" set \"checksum\" = \"checksum\" + 1 where \"version\" = '1'");
        assertThat(migrations.appliedIn(db)).as("edited").isFalse();
        sql(db, "update \"flyway_schema_history\" set \"checksum\" = \"checksum\" - 1, \"success\" = false where \"version\" = '1'");
        assertThat(migrations.appliedIn(db)).as("failed").isFalse();
        sql(db, "delete from \"flyway_schema_history\" where \"version\" = '1'");
        assertThat(migrations.appliedIn(db)).as("missing").isFalse();
    }

    @Test
    void versionsAndChecksumsFollowFlyway() {
        assertThat(Migrations.normalise("1_1")).isEqualTo("1.1");
        assertThat(Migrations.normalise("02.0")).isEqualTo("2");
        byte[] withBom = "\uFEFFcreate table t (id int);\r\nselect 1;\n".getBytes(StandardCharsets.UTF_8);
        byte[] without = "create table t (id int);\nselect 1;".getBytes(StandardCharsets.UTF_8);
        assertThat(Migrations.checksum(withBom)).isEqualTo(Migrations.checksum(without));
    }

    @Test
    void theMigrationsPackagedInAJarAreFound() throws Exception {
        Path jar = dir.resolve("portal.jar");
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            for (String name : new String[] {"db/", "db/migration/"}) {
                out.putNextEntry(new java.util.jar.JarEntry(name));
                out.closeEntry();
            }
            for (String name : new String[] {"db/migration/V1__a.sql", "db/migration/V1_1__b.sql", "db/other.sql"}) {
                out.putNextEntry(new java.util.jar.JarEntry(name));
                out.write("select 1;\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            assertThat(Migrations.onClasspath(loader).size()).isEqualTo(2);
        }
    }

    private JdbcDataSource h2(String name) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + dir.resolve(name) + ";DB_CLOSE_DELAY=-1");
        db.setUser("sa");
        return db;
    }

    private static void sql(JdbcDataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
