package org.foldbatch.batch;

import java.nio.file.Files;
import java.nio.file.Path;

import org.foldbatch.FoldbatchException;
import org.foldbatch.msa.ChainMsaSearch;
import org.foldbatch.msa.DatabaseConfig;
import org.foldbatch.msa.GeneSearchPlan;
import org.foldbatch.msa.HmmerBinaries;
import org.foldbatch.msa.HmmerSearchExecutor;
import org.foldbatch.msa.ToolRunner;
import org.foldbatch.pipeline.DatabaseLocations;
import org.foldbatch.template.TemplateDatabase;
import org.foldbatch.template.TemplateSearchConfig;

/**
 * The settings of the data pipeline handed to the plain objects of the {@code msa}, {@code template} and
 * {@code pipeline} packages: database locations, HMMER located, one gene-search plan per process (fingerprints once).
 */
public final class DataPipelineResources {

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
            return new TemplateSearchConfig(templateFile(TemplateDatabase.PDB_SEQRES),
                    templateFile(TemplateDatabase.PDB_MMCIF_DIR),
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
            return new DatabaseConfig(locations().specs(), s.jackhmmerCpus() > 0 ? s.jackhmmerCpus() : cpus,
                    s.nhmmerCpus() > 0 ? s.nhmmerCpus() : cpus, s.maxParallelSearches(), s.maxParallelShards() > 0 ? s.maxParallelShards() : null);
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

    private Path scratchDir() {
        Path dir = properties.dataDir().resolve("scratch");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new FoldbatchException("data dir: cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }
}
