package org.foldbatch.msa;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The catalogue of AlphaFold 3's gene-search databases: every fact about a database that is not a path lives here.
 * The constants are declared in AlphaFold 3's submission order per molecule type; the merge position orders the
 * databases inside their merge group, which differs from submission order and decides which duplicate row survives.
 */
public enum SequenceDatabase {

    UNIREF90("uniref90", MoleculeType.PROTEIN, 10_000, "uniref90_2022_05.fa", MergeGroup.UNPAIRED, 0),
    MGNIFY("mgnify", MoleculeType.PROTEIN, 5_000, "mgy_clusters_2022_05.fa", MergeGroup.UNPAIRED, 2),
    SMALL_BFD("small_bfd", MoleculeType.PROTEIN, 5_000, "bfd-first_non_consensus_sequences.fasta",
            MergeGroup.UNPAIRED, 1),
    UNIPROT("uniprot", MoleculeType.PROTEIN, 50_000, "uniprot_all_2021_04.fa", MergeGroup.PAIRED, 0),
    NT_RNA("nt_rna", MoleculeType.RNA, 10_000, "nt_rna_2023_02_23_clust_seq_id_90_cov_80_rep_seq.fasta",
            MergeGroup.UNPAIRED, 2),
    RFAM("rfam", MoleculeType.RNA, 10_000, "rfam_14_9_clust_seq_id_90_cov_80_rep_seq.fasta", MergeGroup.UNPAIRED, 0),
    RNA_CENTRAL("rnacentral", MoleculeType.RNA, 10_000, "rnacentral_active_seq_id_90_cov_80_linclust.fasta",
            MergeGroup.UNPAIRED, 1);

    /** Which of a chain's MSAs a database's hits go into. */
    public enum MergeGroup {
        /** Merged and deduplicated into the unpaired MSA. */
        UNPAIRED,
        /** Kept as found (not deduplicated) for species pairing. */
        PAIRED
    }

    private final String role;
    private final MoleculeType type;
    private final int maxSequences;
    private final String defaultFile;
    private final MergeGroup group;
    private final int mergePosition;

    SequenceDatabase(String role, MoleculeType type, int maxSequences, String defaultFile, MergeGroup group,
            int mergePosition) {
        this.role = role;
        this.type = type;
        this.maxSequences = maxSequences;
        this.defaultFile = defaultFile;
        this.group = group;
        this.mergePosition = mergePosition;
    }

    /** The name in settings, cache keys and result records, e.g. {@code small_bfd}. */
    public String role() {
        return role;
    }

    public MoleculeType type() {
        return type;
    }

    /** Proteins are searched with jackhmmer, RNA with nhmmer. */
    public SearchTool tool() {
        return type == MoleculeType.PROTEIN ? SearchTool.JACKHMMER : SearchTool.NHMMER;
    }

    /** AlphaFold 3's E-value: 1e-4 for jackhmmer, 1e-3 for nhmmer. */
    public double eValue() {
        return type == MoleculeType.PROTEIN ? 1e-4 : 1e-3;
    }

    /** Rows kept of a search's alignment. */
    public int maxSequences() {
        return maxSequences;
    }

    /** AlphaFold 3's production file name, used when the settings do not name this database. */
    public String defaultFile() {
        return defaultFile;
    }

    public MergeGroup group() {
        return group;
    }

    /** The databases searched for a chain of {@code type}, in submission order. */
    public static List<SequenceDatabase> searchedFor(MoleculeType type) {
        return Arrays.stream(values()).filter(d -> d.type() == type).toList();
    }

    /** The databases merged into one of a chain's MSAs, in merge order; empty when the type has no such MSA. */
    public static List<SequenceDatabase> mergedInto(MoleculeType type, MergeGroup group) {
        return searchedFor(type).stream().filter(d -> d.group() == group)
                .sorted(Comparator.comparingInt(d -> d.mergePosition)).toList();
    }

    public static SequenceDatabase ofRole(String role) {
        for (SequenceDatabase database : values()) {
            if (database.role.equals(role)) {
                return database;
            }
        }
        throw new IllegalArgumentException("Unknown database role " + role);
    }
}
