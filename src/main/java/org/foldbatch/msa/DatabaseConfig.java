package org.foldbatch.msa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The gene-search databases and resources. Any database may be null when no chain of that type is searched; a
 * missing one is reported when a chain needs it.
 *
 * @param jackhmmerCpus       {@code --cpu} of each jackhmmer run (AlphaFold 3: min(CPUs, 8))
 * @param nhmmerCpus          {@code --cpu} of each nhmmer run
 * @param maxParallelSearches database searches of one chain run at once (AlphaFold 3 runs all 4 or 3)
 * @param maxParallelShards   shards of one sharded database searched at once; null means all
 */
public record DatabaseConfig(DatabaseSpec uniref90, DatabaseSpec mgnify, DatabaseSpec smallBfd, DatabaseSpec uniprot,
        DatabaseSpec rfam, DatabaseSpec rnaCentral, DatabaseSpec ntRna, int jackhmmerCpus, int nhmmerCpus,
        int maxParallelSearches, Integer maxParallelShards) {

    public static final String UNIREF90 = "uniref90";
    public static final String MGNIFY = "mgnify";
    public static final String SMALL_BFD = "small_bfd";
    public static final String UNIPROT = "uniprot";
    public static final String RFAM = "rfam";
    public static final String RNA_CENTRAL = "rnacentral";
    public static final String NT_RNA = "nt_rna";

    public DatabaseConfig {
        checkRole(uniref90, UNIREF90);
        checkRole(mgnify, MGNIFY);
        checkRole(smallBfd, SMALL_BFD);
        checkRole(uniprot, UNIPROT);
        checkRole(rfam, RFAM);
        checkRole(rnaCentral, RNA_CENTRAL);
        checkRole(ntRna, NT_RNA);
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

    /** AlphaFold 3's default {@code --cpu} per search: the available processors, at most 8. */
    public static int defaultCpus() {
        return Math.min(Runtime.getRuntime().availableProcessors(), 8);
    }

    /** The seven miniature FASTA files of AlphaFold 3's test data, under their file names, without Z values. */
    public static DatabaseConfig miniature(Path dir, int cpus, int maxParallelSearches) {
        return new DatabaseConfig(
                DatabaseSpec.of(UNIREF90, dir.resolve("uniref90__subsampled_1000.fasta")),
                DatabaseSpec.of(MGNIFY, dir.resolve("mgy_clusters__subsampled_1000.fa")),
                DatabaseSpec.of(SMALL_BFD, dir.resolve("bfd-first_non_consensus_sequences__subsampled_1000.fasta")),
                DatabaseSpec.of(UNIPROT, dir.resolve("uniprot_all__subsampled_1000.fasta")),
                DatabaseSpec.of(RFAM, dir.resolve("rfam_14_4_clustered_rep_seq__subsampled_1000.fasta")),
                DatabaseSpec.of(RNA_CENTRAL,
                        dir.resolve("rnacentral_active_seq_id_90_cov_80_linclust__subsampled_1000.fasta")),
                DatabaseSpec.of(NT_RNA,
                        dir.resolve("nt_rna_2023_02_23_clust_seq_id_90_cov_80_rep_seq__subsampled_1000.fasta")),
                cpus, cpus, maxParallelSearches, null);
    }

    /** AlphaFold 3's default production file names under {@code dir}, without Z values. */
    public static DatabaseConfig productionNames(Path dir, int cpus, int maxParallelSearches) {
        return new DatabaseConfig(
                DatabaseSpec.of(UNIREF90, dir.resolve("uniref90_2022_05.fa")),
                DatabaseSpec.of(MGNIFY, dir.resolve("mgy_clusters_2022_05.fa")),
                DatabaseSpec.of(SMALL_BFD, dir.resolve("bfd-first_non_consensus_sequences.fasta")),
                DatabaseSpec.of(UNIPROT, dir.resolve("uniprot_all_2021_04.fa")),
                DatabaseSpec.of(RFAM, dir.resolve("rfam_14_9_clust_seq_id_90_cov_80_rep_seq.fasta")),
                DatabaseSpec.of(RNA_CENTRAL, dir.resolve("rnacentral_active_seq_id_90_cov_80_linclust.fasta")),
                DatabaseSpec.of(NT_RNA, dir.resolve("nt_rna_2023_02_23_clust_seq_id_90_cov_80_rep_seq.fasta")),
                cpus, cpus, maxParallelSearches, null);
    }

    /** The databases a chain type needs, in AlphaFold 3's submission order. */
    public List<DatabaseSpec> databasesFor(MoleculeType type) {
        List<DatabaseSpec> needed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> roles = type == MoleculeType.PROTEIN ? List.of(UNIREF90, MGNIFY, SMALL_BFD, UNIPROT)
                : List.of(NT_RNA, RFAM, RNA_CENTRAL);
        for (String role : roles) {
            DatabaseSpec spec = byRole(role);
            if (spec == null) {
                missing.add(role);
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

    DatabaseSpec byRole(String role) {
        return switch (role) {
            case UNIREF90 -> uniref90;
            case MGNIFY -> mgnify;
            case SMALL_BFD -> smallBfd;
            case UNIPROT -> uniprot;
            case RFAM -> rfam;
            case RNA_CENTRAL -> rnaCentral;
            case NT_RNA -> ntRna;
            default -> throw new IllegalArgumentException("Unknown database role " + role);
        };
    }

    private static void checkRole(DatabaseSpec spec, String role) {
        if (spec != null && !spec.name().equals(role)) {
            throw new IllegalArgumentException("Database " + spec.spec() + " is named " + spec.name()
                    + " but configured as " + role);
        }
    }
}
