package org.foldbatch.batch.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Statements kept as files under {@code db/sql/} (shipped on the classpath), so SQL is reviewed as SQL. */
public final class SqlStatements {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlStatements() {
    }

    public static String get(String name) {
        return CACHE.computeIfAbsent(name, SqlStatements::read);
    }

    private static String read(String name) {
        String resource = "db/sql/" + name + ".sql";
        try (InputStream in = SqlStatements.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL file missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
