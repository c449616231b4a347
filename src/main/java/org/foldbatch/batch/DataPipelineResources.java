package org.foldbatch.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.foldbatch.FoldbatchException;
import org.foldbatch.msa.ChainMsaSearch;
import org.foldbatch.msa.DatabaseConfig;
import org.foldbatch.msa.DatabaseStager;
import org.foldbatch.msa.GeneSearchPlan;
import org.foldbatch.msa.HmmerBinaries;
import org.foldbatch.msa.GeneSearchExecutor;
import org.foldbatch.msa.MemoryBudget;
import org.foldbatch.msa.MemoryLimitedSearches;
import org.foldbatch.msa.MmseqsBinary;
import org.foldbatch.msa.MmseqsIndex;
import org.foldbatch.msa.Mmseqs2;
import org.foldbatch.msa.SearchRequest;
import org.foldbatch.msa.SearchResult;
import org.foldbatch.msa.SearchTool;
import org.foldbatch.msa.ShardPartition;
import org.foldbatch.msa.ToolRunner;
import org.foldbatch.pipeline.DatabaseLocations;
import org.foldbatch.template.TemplateDatabase;
import org.foldbatch.template.TemplateSearchConfig;
import org.foldbatch.util.ScratchSpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * The settings of the data pipeline handed to the plain objects of the {@code msa}, {@code template} and
 * {@code pipeline} packages: database locations, HMMER located, one gene-search plan per process (fingerprints once).
 */
public final class DataPipelineResources {

    private static final Logger log = LoggerFactory.getLogger(DataPipelineResources.class);

    private final FoldbatchProperties properties;
    private final ToolRunner toolRunner = new ToolRunner();
    private volatile HmmerBinaries binaries;
    private volatile MmseqsBinary mmseqsBinary;
    private volatile String mmseqsVersion;
    private final Map<String, GeneSearchPlan> plans = new ConcurrentHashMap<>();
    private MemoryBudget memoryBudget;

    private volatile Path scratch;

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

    public GeneSearchPlan plan() {
        return plan(null);
    }

    /**
     * The process's plan for jobs whose protein databases are all searched by {@code proteinEngine} (a campaign's
     * {@code searchEngine}), or as the settings say when null; one per engine, so fingerprints are taken once.
     */
    public synchronized GeneSearchPlan plan(SearchTool proteinEngine) {
        String key = proteinEngine == null ? "" : proteinEngine.engineName();
        GeneSearchPlan plan = plans.get(key);
        if (plan == null) {
            DatabaseConfig config = proteinEngine == null ? databaseConfig()
                    : databaseConfig().withProteinEngine(proteinEngine);
            plan = new GeneSearchPlan(config, hmmer().version(toolRunner),
                    config.usesMmseqs() ? mmseqsVersion() : null);
            plans.put(key, plan);
        }
        return plan;
    }

    public ChainMsaSearch chainSearch(SearchTool proteinEngine) {
        return new ChainMsaSearch(plan(proteinEngine));
    }

    /** The MMseqs2 searcher with its managed index directory ({@code <data dir>/mmseqs} unless set). */
    Mmseqs2 mmseqs(Path scratch) {
        MmseqsIndex index = new MmseqsIndex(mmseqs(), mmseqsVersion(), toolRunner,
                properties.search().mmseqsIndexDir() != null ? properties.search().mmseqsIndexDir()
                        : properties.dataDir().resolve("mmseqs"), databaseConfig().cpus(SearchTool.MMSEQS2),
                properties.search().toolTimeout());
        return new Mmseqs2(mmseqs(), index, toolRunner, properties.search().toolTimeout(), scratch);
    }

    /** Fails with one line when a database is configured for MMseqs2 but {@code mmseqs} cannot be found. */
    public void requireMmseqs() {
        mmseqs();
    }

    private MmseqsBinary mmseqs() {
        if (mmseqsBinary == null) {
            mmseqsBinary = MmseqsBinary.locate(properties.search().mmseqsBinary());
        }
        return mmseqsBinary;
    }

    private String mmseqsVersion() {
        if (mmseqsVersion == null) {
            mmseqsVersion = mmseqs().version(toolRunner);
        }
        return mmseqsVersion;
    }

    /**
     * HMMER (and MMseqs2) runs as this process may start them: within its memory budget, reading staged database
     * copies when a stage dir is set. Cache hits never get here, so they take no memory and stage nothing.
     */
    public Function<SearchRequest, SearchResult> searchExecutor() {
        return limited(toolExecutor());
    }

    /** One shard of a sharded database, for a shard-group partition; limited and staged as whole searches are. */
    public Function<SearchRequest, ShardPartition.ShardResult> shardSearcher() {
        return limited(toolExecutor()::searchShard);
    }

    /** HMMER, or MMseqs2 (located when first needed) where a request says so. */
    private GeneSearchExecutor toolExecutor() {
        Path scratch = scratchDir();
        Duration timeout = properties.search().toolTimeout();
        return new GeneSearchExecutor(hmmer(), () -> mmseqs(scratch), toolRunner, timeout, scratch);
    }

    private <T> Function<SearchRequest, T> limited(Function<SearchRequest, T> tool) {
        FoldbatchProperties.Search s = properties.search();
        if (s.stageDir() != null) {
            tool = new DatabaseStager(s.stageDir(), s.stageMaxBytes().toBytes()).reading(tool);
        }
        return new MemoryLimitedSearches(memoryBudget()).limiting(tool);
    }

    /** One per process: every partition this process runs shares it. */
    public synchronized MemoryBudget memoryBudget() {
        if (memoryBudget == null) {
            DataSize memory = properties.search().memory();
            Long bytes = memory != null ? Long.valueOf(memory.toBytes()) : MemoryBudget.physicalMemory();
            if (bytes == null || bytes <= 0) {
                throw new FoldbatchException("settings: foldbatch.search.memory is not set and the machine's physical"
                        + " memory cannot be read; set it (e.g. --memory 64GB)");
            }
            memoryBudget = new MemoryBudget(bytes);
        }
        return memoryBudget;
    }

    public TemplateSearchConfig templateConfig() {
        FoldbatchProperties.Template t = properties.template();
        int cpus = t.hmmsearchCpus() > 0 ? t.hmmsearchCpus() : Math.min(Runtime.getRuntime().availableProcessors(), 8);
        try {
            return new TemplateSearchConfig(templateFile(TemplateDatabase.PDB_SEQRES),
                    templateFile(TemplateDatabase.PDB_MMCIF_DIR),
                    t.maxTemplateDate(), t.maxHits(), cpus, properties.search().hmmerBinaryDir(),
                    properties.search().toolTimeout(), scratchDir());
        } catch (IllegalArgumentException e) {
            throw new FoldbatchException("settings: " + e.getMessage(), e);
        }
    }

    public DatabaseConfig databaseConfig() {
        FoldbatchProperties.Search s = properties.search();
        int cpus = Math.min(Runtime.getRuntime().availableProcessors(), 8);
        try {
            return new DatabaseConfig(locations().specs(), s.jackhmmerCpus() > 0 ? s.jackhmmerCpus() : cpus,
                    s.nhmmerCpus() > 0 ? s.nhmmerCpus() : cpus, s.maxParallelSearches(), s.maxParallelShards() > 0 ? s.maxParallelShards() : null,
                    DatabaseLocations.engines(s.engine()));
        } catch (IllegalArgumentException e) {
            throw new FoldbatchException("settings: " + e.getMessage(), e);
        }
    }

    /** Where the configured (or AlphaFold 3's default) database files are. */
    public DatabaseLocations locations() {
        return new DatabaseLocations(properties.databases(), properties.zValues(), properties.dbDirs());
    }

    private Path templateFile(TemplateDatabase file) {
        return Path.of(locations().path(file.role(), file.defaultFile()));
    }

    /**
     * This process's own directory under {@code <data-dir>/scratch}; the first call also removes the directories
     * that killed processes of this host left there (never a running one's).
     */
    private synchronized Path scratchDir() {
        if (scratch == null) {
            Path root = properties.dataDir().resolve("scratch");
            try {
                int removed = ScratchSpace.removeDead(root);
                if (removed > 0) {
                    log.info("removed the scratch files of {} process(es) that no longer run from {}", removed, root);
                }
                scratch = ScratchSpace.ofThisProcess(root);
            } catch (java.io.UncheckedIOException e) {
                throw new FoldbatchException("data dir: " + e.getMessage(), e);
            }
        }
        return scratch;
    }
}
