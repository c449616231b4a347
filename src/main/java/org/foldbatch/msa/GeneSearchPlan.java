package org.foldbatch.msa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database searches AlphaFold 3 runs for one chain, with the tool, E-value and row limit the
 * {@link SequenceDatabase} catalogue gives each database. A database's fingerprint is recomputed only when the size or modification time of one of its files
 * changes.
 */
public final class GeneSearchPlan {

    private final DatabaseConfig config;
    private final String hmmerVersion;
    private final Map<DatabaseSpec, Fingerprint> fingerprints = new ConcurrentHashMap<>();

    private record Fingerprint(String statSignature, String value) {
    }

    /** @param hmmerVersion e.g. from {@link HmmerBinaries#version(ToolRunner)}; part of every cache key */
    public GeneSearchPlan(DatabaseConfig config, String hmmerVersion) {
        this.config = config;
        this.hmmerVersion = hmmerVersion;
    }

    public DatabaseConfig config() {
        return config;
    }

    /** The requests in AlphaFold 3's submission order; checks that the databases' files exist. */
    public List<SearchRequest> requests(String sequence, MoleculeType type) {
        List<SearchRequest> requests = new ArrayList<>();
        for (DatabaseSpec spec : config.databasesFor(type)) {
            spec.requireFiles();
            SequenceDatabase database = SequenceDatabase.ofRole(spec.name());
            requests.add(new SearchRequest(type, sequence, spec, database.tool(), database.eValue(),
                    database.maxSequences(), config.cpus(database.tool()), config.maxParallelShards(), hmmerVersion,
                    fingerprint(spec)));
        }
        return requests;
    }

    private String fingerprint(DatabaseSpec database) {
        String signature = database.statSignature();
        Fingerprint cached = fingerprints.get(database);
        if (cached != null && cached.statSignature().equals(signature)) {
            return cached.value();
        }
        Fingerprint fresh = new Fingerprint(signature, database.fingerprint());
        fingerprints.put(database, fresh);
        return fresh.value();
    }
}
