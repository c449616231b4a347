package org.foldbatch.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.foldbatch.msa.SequenceDatabase;
import org.foldbatch.msa.ToolRunner;
import org.foldbatch.template.TemplateDatabase;
import org.foldbatch.template.TemplateSearchConfig;

/**
 * The settings of the data pipeline turned into the plain objects of the {@code msa} package: database specs with
 * paths resolved against the db dirs, HMMER located, one gene-search plan per process (fingerprints once).
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
            return new TemplateSearchConfig(Path.of(databasePath(TemplateDatabase.PDB_SEQRES.role(),
                    TemplateDatabase.PDB_SEQRES.defaultFile())), Path.of(databasePath(
                    TemplateDatabase.PDB_MMCIF_DIR.role(), TemplateDatabase.PDB_MMCIF_DIR.defaultFile())),
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
            Map<SequenceDatabase, DatabaseSpec> databases = new EnumMap<>(SequenceDatabase.class);
            for (SequenceDatabase database : SequenceDatabase.values()) {
                databases.put(database, database(database));
            }
            return new DatabaseConfig(databases, s.jackhmmerCpus() > 0 ? s.jackhmmerCpus() : cpus, s.nhmmerCpus() > 0 ? s.nhmmerCpus() : cpus,
                    s.maxParallelSearches(), s.maxParallelShards() > 0 ? s.maxParallelShards() : null);
        } catch (IllegalArgumentException e) {
            throw new FoldbatchException("settings: " + e.getMessage(), e);
        }
    }

    /** A database path as configured (or AlphaFold 3's default name), relative ones looked up in the db dirs. */
    public String databasePath(String role, String defaultFile) {
        String configured = lookup(properties.databases(), role);
        String spec = configured != null ? configured : defaultFile;
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

    private DatabaseSpec database(SequenceDatabase database) {
        Double z = lookup(properties.zValues(), database.role());
        return DatabaseSpec.of(database.role(), databasePath(database.role(), database.defaultFile()), z);
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
