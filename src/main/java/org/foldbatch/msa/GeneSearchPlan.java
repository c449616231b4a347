package org.foldbatch.msa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database searches AlphaFold 3 runs for one chain, with the tool, E-value and row limit the
 * {@link SequenceDatabase} catalogue gives each database (MMseqs2 and ColabFold's E-value where configured). A database's fingerprint is recomputed only when the size or modification time of one of its files
 * changes.
 */
public final class GeneSearchPlan {

    private final DatabaseConfig config;
    private final String hmmerVersion;
    private final String mmseqsVersion;
    private final Map<DatabaseSpec, Fingerprint> fingerprints = new ConcurrentHashMap<>();

    private record Fingerprint(String statSignature, String value) {
    }

    /** @param hmmerVersion e.g. from {@link HmmerBinaries#version(ToolRunner)}; part of every cache key */
    public GeneSearchPlan(DatabaseConfig config, String hmmerVersion) {
        this(config, hmmerVersion, null);
    }

    /** @param mmseqsVersion from {@link MmseqsBinary#version(ToolRunner)}; null when no database uses MMseqs2 */
    public GeneSearchPlan(DatabaseConfig config, String hmmerVersion, String mmseqsVersion) {
        if (config.usesMmseqs() && mmseqsVersion == null) {
            throw new IllegalArgumentException("A database is searched with MMseqs2 but no MMseqs2 version is known");
        }
        this.config = config;
        this.hmmerVersion = hmmerVersion;
        this.mmseqsVersion = mmseqsVersion;
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
            SearchTool tool = config.tool(database);
            boolean mmseqs = tool == SearchTool.MMSEQS2;
            requests.add(new SearchRequest(type, sequence, spec, tool, mmseqs ? Mmseqs2.E_VALUE : database.eValue(),
                    database.maxSequences(), config.cpus(tool), config.maxParallelShards(),
                    mmseqs ? mmseqsVersion : hmmerVersion, fingerprint(spec)));
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
