package org.foldbatch.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.foldbatch.msa.DatabaseSpec;
import org.foldbatch.msa.SearchTool;
import org.foldbatch.msa.SequenceDatabase;

/**
 * Where the databases are, from the settings: paths by name (or AlphaFold 3's file names), relative ones looked up
 * in the db dirs as AlphaFold 3's {@code --db_dir}, and HMMER Z values by name.
 *
 * @param configured database paths by name; names may be written uniref90 / small-bfd / rna-central ...
 * @param zValues    Z values by name, written as freely
 * @param dbDirs     directories searched in order for a relative path; none means the working directory
 */
public record DatabaseLocations(Map<String, String> configured, Map<String, Double> zValues, List<Path> dbDirs) {

    public DatabaseLocations {
        configured = Map.copyOf(configured);
        zValues = Map.copyOf(zValues);
        dbDirs = List.copyOf(dbDirs);
    }

    /** Every catalogued database at its location, with its Z value if one is set. */
    public Map<SequenceDatabase, DatabaseSpec> specs() {
        Map<SequenceDatabase, DatabaseSpec> specs = new EnumMap<>(SequenceDatabase.class);
        for (SequenceDatabase database : SequenceDatabase.values()) {
            specs.put(database, DatabaseSpec.of(database.role(), path(database.role(), database.defaultFile()),
                    lookup(zValues, database.role())));
        }
        return specs;
    }

    /**
     * A database path as configured (or {@code defaultFile}), absolute; a relative one resolves in the first db dir
     * holding all its files, or in the first db dir when none does (so the error names a real candidate).
     */
    public String path(String role, String defaultFile) {
        String configuredPath = lookup(configured, role);
        String spec = configuredPath != null ? configuredPath : defaultFile;
        if (Path.of(spec).isAbsolute() || dbDirs.isEmpty()) {
            return Path.of(spec).toAbsolutePath().toString();
        }
        List<String> tried = new ArrayList<>();
        for (Path dir : dbDirs) {
            String candidate = dir.toAbsolutePath().resolve(spec).toString();
            DatabaseSpec probe = DatabaseSpec.of(role, candidate, 1.0);
            if (probe.files().stream().allMatch(Files::exists)) {
                return candidate;
            }
            tried.add(candidate);
        }
        return tried.get(0);
    }

    /**
     * The engines of {@code foldbatch.search.engine.<db>} settings by database (names written as freely as paths);
     * an unknown database or engine fails with one line naming the setting.
     */
    public static Map<SequenceDatabase, SearchTool> engines(Map<String, String> configured) {
        Map<SequenceDatabase, SearchTool> engines = new EnumMap<>(SequenceDatabase.class);
        configured.forEach((name, engine) -> {
            SequenceDatabase database = null;
            for (SequenceDatabase candidate : SequenceDatabase.values()) {
                if (normalise(candidate.role()).equals(normalise(name))) {
                    database = candidate;
                }
            }
            if (database == null) {
                throw new IllegalArgumentException("search.engine." + name + ": not a gene-search database");
            }
            try {
                engines.put(database, SearchTool.ofEngine(engine.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("search.engine." + name + ": " + e.getMessage(), e);
            }
        });
        return engines;
    }

    private static <V> V lookup(Map<String, V> map, String role) {
        String wanted = normalise(role);
        for (Map.Entry<String, V> e : map.entrySet()) {
            if (normalise(e.getKey()).equals(wanted)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    }
}
