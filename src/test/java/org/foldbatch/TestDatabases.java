package org.foldbatch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Databases the DB-facing tests run against: a fresh H2 file database, and a fresh schema in PostgreSQL's
 * {@code test} database at 127.0.0.1:5432. PostgreSQL tests are skipped when it is unreachable, except under CI=true,
 * where an unreachable PostgreSQL fails them.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String POSTGRES_USER = "postgres";

    private TestDatabases() {
    }

    public static Map<String, Object> h2(Path dir) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("foldbatch.data-dir", dir.toString());
        p.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("db/foldbatch") + ";AUTO_SERVER=TRUE");
        p.put("spring.datasource.username", "sa");
        p.put("spring.datasource.password", "");
        return p;
    }

    public static Map<String, Object> postgres(Path dataDir) {
        requirePostgres();
        String schema = "fbtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("foldbatch.data-dir", dataDir.toString());
        p.put("spring.datasource.url", postgresUrl(schema));
        p.put("spring.datasource.username", POSTGRES_USER);
        p.put("spring.datasource.password", "");
        p.put("spring.flyway.default-schema", schema);
        return p;
    }

    /** A new, empty schema in the test PostgreSQL (skips when unreachable); returns its JDBC URL. */
    public static String newPostgresSchema(String prefix) throws java.sql.SQLException {
        requirePostgres();
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        return postgresUrl(schema);
    }

    public static String postgresUrl(String schema) {
        return POSTGRES_URL + "?currentSchema=" + schema;
    }

    public static void requirePostgres() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            c.isValid(2);
        } catch (Exception e) {
            if (ci) {
                throw new IllegalStateException("CI=true but PostgreSQL at " + POSTGRES_URL + " is unreachable", e);
            }
            Assumptions.abort("PostgreSQL at " + POSTGRES_URL + " is unreachable: " + e.getMessage());
        }
    }

    /** A migrated database without Spring Boot, for repository tests: {@code "h2"} or {@code "postgresql"}. */
    public static JdbcTemplate migrated(String vendor, Path dir) {
        DriverManagerDataSource ds;
        Flyway flyway;
        if (vendor.equals("postgresql")) {
            requirePostgres();
            String schema = "fbtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            ds = new DriverManagerDataSource(postgresUrl(schema), POSTGRES_USER, "");
            flyway = Flyway.configure().dataSource(ds).schemas(schema)
                    .locations("classpath:db/migration/postgresql").load();
        } else {
            ds = new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE", "sa", "");
            flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load();
        }
        flyway.migrate();
        return new JdbcTemplate(ds);
    }
}
