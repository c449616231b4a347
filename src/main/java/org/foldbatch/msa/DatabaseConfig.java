package org.foldbatch.msa;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The gene-search databases and resources. A database may be absent when no chain of its type is searched; a
 * missing one is reported when a chain needs it.
 *
 * @param databases           the configured databases; each spec carries its catalogue role as name
 * @param jackhmmerCpus       {@code --cpu} of each jackhmmer run (AlphaFold 3: min(CPUs, 8))
 * @param nhmmerCpus          {@code --cpu} of each nhmmer run
 * @param maxParallelSearches database searches of one chain run at once (AlphaFold 3 runs all 4 or 3)
 * @param maxParallelShards   shards of one sharded database searched at once; null means all
 * @param engines             databases searched with another engine than AlphaFold 3's (only {@code mmseqs2} for
 *                            protein databases); absent ones use jackhmmer or nhmmer
 */
public record DatabaseConfig(Map<SequenceDatabase, DatabaseSpec> databases, int jackhmmerCpus, int nhmmerCpus,
        int maxParallelSearches, Integer maxParallelShards, Map<SequenceDatabase, SearchTool> engines) {

    /** AlphaFold 3's engines everywhere. */
    public DatabaseConfig(Map<SequenceDatabase, DatabaseSpec> databases, int jackhmmerCpus, int nhmmerCpus,
            int maxParallelSearches, Integer maxParallelShards) {
        this(databases, jackhmmerCpus, nhmmerCpus, maxParallelSearches, maxParallelShards, Map.of());
    }

    public DatabaseConfig {
        EnumMap<SequenceDatabase, DatabaseSpec> copy = new EnumMap<>(SequenceDatabase.class);
        databases.forEach((database, spec) -> {
            if (spec != null) {
                checkRole(spec, database);
                copy.put(database, spec);
            }
        });
        databases = Map.copyOf(copy);
        EnumMap<SequenceDatabase, SearchTool> chosen = new EnumMap<>(SequenceDatabase.class);
        engines.forEach((database, tool) -> {
            if (tool != database.tool() && (tool != SearchTool.MMSEQS2 || database.type() != MoleculeType.PROTEIN)) {
                throw new IllegalArgumentException("search.engine." + database.role() + ": " + tool.engineName()
                        + " cannot search a " + database.type() + " database (" + database.tool().engineName()
                        + (database.type() == MoleculeType.PROTEIN ? " or mmseqs2)" : " only; MMseqs2 searches"
                                + " protein databases)"));
            }
            if (tool != database.tool()) {
                chosen.put(database, tool);
            }
        });
        engines = Map.copyOf(chosen);
        if (jackhmmerCpus < 1 || nhmmerCpus < 1) {
            throw new IllegalArgumentException("CPUs per search must be >= 1, got jackhmmer=" + jackhmmerCpus
                    + " nhmmer=" + nhmmerCpus);
        }
        if (maxParallelSearches < 1) {
            throw new IllegalArgumentException("maxParallelSearches must be >= 1, got " + maxParallelSearches);
        }
        if (maxParallelShards != null && maxParallelShards < 1) {
            throw new IllegalArgumentException("maxParallelShards must be >= 1 or null, got " + maxParallelShards);
        }
    }

    /** The configured spec of one database, or null. */
    public DatabaseSpec spec(SequenceDatabase database) {
        return databases.get(database);
    }

    /** {@code --cpu} (MMseqs2: {@code --threads}) of one search with {@code tool}; MMseqs2 takes jackhmmer's. */
    public int cpus(SearchTool tool) {
        return tool == SearchTool.NHMMER ? nhmmerCpus : jackhmmerCpus;
    }

    /** The engine that searches {@code database}: the configured one, else AlphaFold 3's. */
    public SearchTool tool(SequenceDatabase database) {
        return engines.getOrDefault(database, database.tool());
    }

    /** This configuration with every protein database searched by {@code tool} (a campaign's search engine). */
    public DatabaseConfig withProteinEngine(SearchTool tool) {
        Map<SequenceDatabase, SearchTool> all = new EnumMap<>(SequenceDatabase.class);
        all.putAll(engines);
        SequenceDatabase.searchedFor(MoleculeType.PROTEIN).forEach(d -> all.put(d, tool));
        return new DatabaseConfig(databases, jackhmmerCpus, nhmmerCpus, maxParallelSearches, maxParallelShards, all);
    }

    /** True when some database is searched with MMseqs2. */
    public boolean usesMmseqs() {
        return engines.containsValue(SearchTool.MMSEQS2);
    }

    /** The databases a chain type needs, in AlphaFold 3's submission order. */
    public List<DatabaseSpec> databasesFor(MoleculeType type) {
        List<DatabaseSpec> needed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (SequenceDatabase database : SequenceDatabase.searchedFor(type)) {
            DatabaseSpec spec = spec(database);
            if (spec == null) {
                missing.add(database.role());
            } else {
                needed.add(spec);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("No database configured for " + String.join(", ", missing)
                    + ", needed to search a " + type + " chain");
        }
        return needed;
    }

    /** Checks that every file of every needed database exists; call before any work starts. */
    public void requireFiles(MoleculeType... types) {
        for (MoleculeType type : types) {
            for (DatabaseSpec spec : databasesFor(type)) {
                spec.requireFiles();
            }
        }
    }

    private static void checkRole(DatabaseSpec spec, SequenceDatabase database) {
        if (!spec.name().equals(database.role())) {
            throw new IllegalArgumentException("Database " + spec.spec() + " is named " + spec.name()
                    + " but configured as " + database.role());
        }
    }
}
