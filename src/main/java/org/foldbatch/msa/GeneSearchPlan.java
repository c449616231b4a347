package org.foldbatch.msa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database searches AlphaFold 3 runs for one chain: protein chains search UniRef90, MGnify and small BFD
 * (unpaired) and UniProt (paired) with jackhmmer, E 1e-4; RNA chains search NT-RNA, Rfam and RNAcentral with nhmmer,
 * E 1e-3. A database's fingerprint is recomputed only when the size or modification time of one of its files
 * changes.
 */
public final class GeneSearchPlan {

    private static final double JACKHMMER_E = 1e-4;
    private static final double NHMMER_E = 1e-3;
    private static final Map<String, Integer> MAX_SEQUENCES = Map.of(
            DatabaseConfig.UNIREF90, 10_000,
            DatabaseConfig.MGNIFY, 5_000,
            DatabaseConfig.SMALL_BFD, 5_000,
            DatabaseConfig.UNIPROT, 50_000,
            DatabaseConfig.RFAM, 10_000,
            DatabaseConfig.RNA_CENTRAL, 10_000,
            DatabaseConfig.NT_RNA, 10_000);

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
        for (DatabaseSpec database : config.databasesFor(type)) {
            database.requireFiles();
            String fingerprint = fingerprint(database);
            boolean protein = type == MoleculeType.PROTEIN;
            requests.add(new SearchRequest(type, sequence, database,
                    protein ? SearchTool.JACKHMMER : SearchTool.NHMMER,
                    protein ? JACKHMMER_E : NHMMER_E,
                    MAX_SEQUENCES.get(database.name()),
                    protein ? config.jackhmmerCpus() : config.nhmmerCpus(),
                    config.maxParallelShards(), hmmerVersion, fingerprint));
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
