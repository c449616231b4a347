package org.foldbatch.msa;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** The seven miniature FASTA files of AlphaFold 3's test data as a gene-search configuration, without Z values. */
public final class MiniatureDatabases {

    public static final Path DIR = Path.of("samples/databases");

    private static final Map<SequenceDatabase, String> FILES = Map.of(
            SequenceDatabase.UNIREF90, "uniref90__subsampled_1000.fasta",
            SequenceDatabase.MGNIFY, "mgy_clusters__subsampled_1000.fa",
            SequenceDatabase.SMALL_BFD, "bfd-first_non_consensus_sequences__subsampled_1000.fasta",
            SequenceDatabase.UNIPROT, "uniprot_all__subsampled_1000.fasta",
            SequenceDatabase.RFAM, "rfam_14_4_clustered_rep_seq__subsampled_1000.fasta",
            SequenceDatabase.RNA_CENTRAL, "rnacentral_active_seq_id_90_cov_80_linclust__subsampled_1000.fasta",
            SequenceDatabase.NT_RNA, "nt_rna_2023_02_23_clust_seq_id_90_cov_80_rep_seq__subsampled_1000.fasta");

    private MiniatureDatabases() {
    }

    public static DatabaseConfig config(int cpus, int maxParallelSearches) {
        return new DatabaseConfig(specs(), cpus, cpus, maxParallelSearches, null);
    }

    public static Map<SequenceDatabase, DatabaseSpec> specs() {
        Map<SequenceDatabase, DatabaseSpec> specs = new EnumMap<>(SequenceDatabase.class);
        FILES.forEach((database, file) -> specs.put(database, DatabaseSpec.of(database.role(), DIR.resolve(file))));
        return specs;
    }
}
