package org.foldbatch.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.foldbatch.FoldbatchException;
import org.foldbatch.msa.ChainMsaSearch;
import org.foldbatch.msa.DatabaseConfig;
import org.foldbatch.msa.DatabaseSpec;
import org.foldbatch.msa.GeneSearchPlan;
import org.foldbatch.msa.HmmerBinaries;
import org.foldbatch.msa.HmmerSearchExecutor;
import org.foldbatch.msa.ToolRunner;
import org.foldbatch.template.TemplateSearchConfig;

/**
 * The settings of the data pipeline turned into the plain objects of the {@code msa} package: database specs with
 * paths resolved against the db dirs, HMMER located, one gene-search plan per process (fingerprints once).
 */
public final class DataPipelineResources {

    /** AlphaFold 3's default file names, used when a database is not configured. */
    private static final Map<String, String> DEFAULT_FILES = Map.of(
            DatabaseConfig.UNIREF90, "uniref90_2022_05.fa",
            DatabaseConfig.MGNIFY, "mgy_clusters_2022_05.fa",
            DatabaseConfig.SMALL_BFD, "bfd-first_non_consensus_sequences.fasta",
            DatabaseConfig.UNIPROT, "uniprot_all_2021_04.fa",
            DatabaseConfig.RFAM, "rfam_14_9_clust_seq_id_90_cov_80_rep_seq.fasta",
            DatabaseConfig.RNA_CENTRAL, "rnacentral_active_seq_id_90_cov_80_linclust.fasta",
            DatabaseConfig.NT_RNA, "nt_rna_2023_02_23_clust_seq_id_90_cov_80_rep_seq.fasta",
            "pdb_seqres", "pdb_seqres_2022_09_28.fasta",
            "pdb_mmcif_dir", "mmcif_files");

    private final FoldbatchProperties properties;
    private final ToolRunner toolRunner = new ToolRunner();
    private volatile HmmerBinaries binaries;
    private volatile GeneSearchPlan plan;

    public DataPipelineResources(FoldbatchProperties properties) {
        this.properties = properties;
    }

    public FoldbatchProperties properties() {
        return properties;
    }

    public ToolRunner toolRunner() {
        return toolRunner;
    }

    public HmmerBinaries hmmer() {
        if (binaries == null) {
            binaries = HmmerBinaries.locate(properties.search().hmmerBinaryDir());
        }
        return binaries;
    }

    public synchronized GeneSearchPlan plan() {
        if (plan == null) {
            plan = new GeneSearchPlan(databaseConfig(), hmmer().version(toolRunner));
        }
        return plan;
    }

    public ChainMsaSearch chainSearch() {
        return new ChainMsaSearch(plan());
    }

    public HmmerSearchExecutor searchExecutor() {
        Path scratch = scratchDir();
        return new HmmerSearchExecutor(hmmer(), toolRunner, properties.search().toolTimeout(), scratch);
    }

    public TemplateSearchConfig templateConfig() {
        FoldbatchProperties.Template t = properties.template();
        int cpus = t.hmmsearchCpus() > 0 ? t.hmmsearchCpus() : Math.min(Runtime.getRuntime().availableProcessors(), 8);
        try {
            return new TemplateSearchConfig(Path.of(databasePath("pdb_seqres")), Path.of(databasePath("pdb_mmcif_dir")),
                    t.maxTemplateDate(), t.maxHits(), cpus, properties.search().hmmerBinaryDir(),
                    properties.search().toolTimeout());
        } catch (IllegalArgumentException e) {
            throw new FoldbatchException("settings: " + e.getMessage(), e);
        }
    }

    public DatabaseConfig databaseConfig() {
        FoldbatchProperties.Search s = properties.search();
        int cpus = Math.min(Runtime.getRuntime().availableProcessors(), 8);
        try {
            return new DatabaseConfig(database(DatabaseConfig.UNIREF90), database(DatabaseConfig.MGNIFY),
                    database(DatabaseConfig.SMALL_BFD), database(DatabaseConfig.UNIPROT), database(DatabaseConfig.RFAM),
                    database(DatabaseConfig.RNA_CENTRAL), database(DatabaseConfig.NT_RNA),
                    s.jackhmmerCpus() > 0 ? s.jackhmmerCpus() : cpus, s.nhmmerCpus() > 0 ? s.nhmmerCpus() : cpus,
                    s.maxParallelSearches(), s.maxParallelShards() > 0 ? s.maxParallelShards() : null);
        } catch (IllegalArgumentException e) {
            throw new FoldbatchException("settings: " + e.getMessage(), e);
        }
    }

    /** A database path as configured (or AlphaFold 3's default name), relative ones looked up in the db dirs. */
    public String databasePath(String role) {
        String configured = lookup(properties.databases(), role);
        String spec = configured != null ? configured : DEFAULT_FILES.get(role);
        if (Path.of(spec).isAbsolute() || properties.dbDirs().isEmpty()) {
            return Path.of(spec).toAbsolutePath().toString();
        }
        List<String> tried = new ArrayList<>();
        for (Path dir : properties.dbDirs()) {
            String candidate = dir.toAbsolutePath().resolve(spec).toString();
            DatabaseSpec probe = DatabaseSpec.of(role, candidate, 1.0);
            if (probe.files().stream().allMatch(Files::exists)) {
                return candidate;
            }
            tried.add(candidate);
        }
        return tried.get(0);
    }

    private DatabaseSpec database(String role) {
        Double z = lookup(properties.zValues(), role);
        return DatabaseSpec.of(role, databasePath(role), z);
    }

    private Path scratchDir() {
        Path dir = properties.dataDir().resolve("scratch");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new FoldbatchException("data dir: cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** Settings may name databases uniref90 / small-bfd / small_bfd / rna-central ...: compare without separators. */
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
