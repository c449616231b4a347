package org.foldbatch.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.foldbatch.msa.SearchTool;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every {@code foldbatch.*} setting. Bound here, at the edge, and converted to the plain option records of the
 * stage packages before any science code sees it.
 *
 * @param dataDir      directory of the embedded database and scratch files
 * @param dbDirs       directories searched, in order, for a database given by a relative path (AlphaFold 3's
 *                     {@code --db_dir}, repeatable); relative paths with no dbDirs resolve against the working directory
 * @param databases    database paths by name ({@code uniref90, mgnify, small-bfd, uniprot, rfam, rna-central, nt-rna,
 *                     pdb-seqres, pdb-mmcif-dir}); a path may be a shard spec {@code prefix@N}
 * @param zValues      HMMER Z values by database name: number of sequences for protein databases, megabases for
 *                     RNA databases; required for sharded databases
 * @param search       process and parallelism settings of the gene search
 * @param template     template search settings
 * @param featurisation featurisation settings
 * @param inference    model and sampling settings
 */
@ConfigurationProperties("foldbatch")
public record FoldbatchProperties(
        Path dataDir,
        @DefaultValue List<Path> dbDirs,
        @DefaultValue Map<String, String> databases,
        @DefaultValue Map<String, Double> zValues,
        @DefaultValue Search search,
        @DefaultValue Template template,
        @DefaultValue Featurisation featurisation,
        @DefaultValue Inference inference) {

    /**
     * @param jackhmmerCpus       {@code --cpu} of each jackhmmer run (0: min(available processors, 8), as AlphaFold 3)
     * @param nhmmerCpus          {@code --cpu} of each nhmmer run (0: as above)
     * @param maxParallelSearches searches of one chain run at the same time (AlphaFold 3 runs all 4 protein databases)
     * @param maxParallelShards   shards of one sharded database searched at the same time (0: all)
     * @param parallelChains      gene-search partitions (unique chains) run at the same time in one process
     * @param hmmerBinaryDir      directory holding jackhmmer, nhmmer, hmmbuild, hmmalign, hmmsearch (default: PATH)
     * @param toolTimeout         a search running longer is killed and its partition fails
     * @param engine              search engine by database name: {@code jackhmmer} (default) or {@code mmseqs2} for
     *                            protein databases; RNA databases are searched with nhmmer
     * @param mmseqsBinary        the {@code mmseqs} executable (default: PATH)
     * @param mmseqsIndexDir      managed MMseqs2 databases and indexes, one per database fingerprint (default:
     *                            {@code <data dir>/mmseqs}); may be shared by several data dirs and processes
     * @param stageDir            fast file system (e.g. {@code /dev/shm/foldbatch}) the sequence databases are copied
     *                            to before the first search that reads them; unset: searches read the sources
     * @param stageMaxBytes       staged copies kept at most (least recently used evicted)
     * @param memory              memory the searches of this process may use at once (unset: physical memory)
     * @param shardGroups         a sharded database is searched in this many partitions per chain (1: one partition
     *                            per chain searches every shard)
     * @param claimTimeout        a claim on a search (or template search) whose holder on another host has been
     *                            silent this long is taken over; a dead holder on this host is taken over at once
     */
    public record Search(
            @DefaultValue("0") int jackhmmerCpus,
            @DefaultValue("0") int nhmmerCpus,
            @DefaultValue("4") int maxParallelSearches,
            @DefaultValue("0") int maxParallelShards,
            @DefaultValue("1") int parallelChains,
            Path hmmerBinaryDir,
            @DefaultValue("24h") Duration toolTimeout,
            @DefaultValue Map<String, String> engine,
            Path mmseqsBinary,
            Path mmseqsIndexDir,
            Path stageDir,
            @DefaultValue("100GB") DataSize stageMaxBytes,
            DataSize memory,
            @DefaultValue("1") int shardGroups,
            @DefaultValue("2m") Duration claimTimeout) {
    }

    /**
     * @param maxTemplateDate templates released after this date are not used (AlphaFold 3's default)
     * @param hmmsearchCpus   {@code --cpu} of hmmsearch (0: min(available processors, 8))
     * @param maxHits         templates kept per chain
     */
    public record Template(
            @DefaultValue("2021-09-30") LocalDate maxTemplateDate,
            @DefaultValue("0") int hmmsearchCpus,
            @DefaultValue("4") int maxHits) {
    }

    /**
     * @param ccdPath            the wwPDB Chemical Component Dictionary ({@code components.cif}, optionally gzipped);
     *                           the input's userCCD is layered on top per job
     * @param buckets            padded token counts, comma-separated; {@code none} switches padding off
     * @param maxTokens          inputs with more tokens are rejected before any search (0: no limit)
     * @param refMaxModifiedDate CCD model coordinates stand in for missing ideal ones only for entries modified
     *                           before this date (AlphaFold 3's {@code --ref_max_modified_date})
     * @param resolveMsaOverlaps drop unpaired MSA rows equal to a paired row (AlphaFold 3's
     *                           {@code --resolve_msa_overlaps}, default true)
     */
    public record Featurisation(
            Path ccdPath,
            @DefaultValue("128,256,384,512,768,1024,1280,1536,2048,2560,3072,3584,4096,4608,5120") String buckets,
            @DefaultValue("0") int maxTokens,
            @DefaultValue("2021-09-30") LocalDate refMaxModifiedDate,
            @DefaultValue("true") boolean resolveMsaOverlaps) {
    }

    /**
     * @param modelDir          directory with AlphaFold 3's weights ({@code af3.bin.zst}), or with the test-only
     *                          random weights written by {@code foldbatch random-weights}
     * @param numSamples        diffusion samples per seed (AlphaFold 3: 5)
     * @param diffusionSteps    denoising steps per sample (AlphaFold 3: 200)
     * @param numRecycles       trunk recycles (0 or more; -1: the model configuration's, 10 for AlphaFold 3)
     * @param bfloat16          bf16 trunk as AlphaFold 3 runs it (true) or all-f32 (false)
     * @param xlaJit            TensorFlow's XLA JIT
     * @param intraOpThreads    TensorFlow intra-op threads (0: TensorFlow's choice)
     * @param interOpThreads    TensorFlow inter-op threads (0: TensorFlow's choice)
     * @param gpuMemoryFraction per-process GPU memory fraction (0: TensorFlow's default)
     * @param gpuUnifiedMemory  let GPU memory spill to host memory (AlphaFold 3's unified-memory option)
     * @param gpuPreallocate    reserve the GPU memory fraction at start (false: grow on demand)
     * @param pairTransitionShardSpec AlphaFold 3's {@code pair_transition_shard_spec}: rows of the pair transition per
     *                          shard by token count (memory only, the numbers do not change)
     * @param pairAttentionChunkSize AlphaFold 3's {@code pair_attention_chunk_size}: rows of triangle attention per
     *                          chunk by token count (memory only)
     * @param saveEmbeddings    write {@code seed-S_embeddings/}
     * @param saveDistogram     write {@code seed-S_distogram/}
     */
    public record Inference(
            Path modelDir,
            @DefaultValue("5") int numSamples,
            @DefaultValue("200") int diffusionSteps,
            @DefaultValue("-1") int numRecycles,
            @DefaultValue("true") boolean bfloat16,
            @DefaultValue("false") boolean xlaJit,
            @DefaultValue("0") int intraOpThreads,
            @DefaultValue("0") int interOpThreads,
            @DefaultValue("0") double gpuMemoryFraction,
            @DefaultValue("false") boolean gpuUnifiedMemory,
            @DefaultValue("true") boolean gpuPreallocate,
            @DefaultValue("((2048, None), (None, 1024))") String pairTransitionShardSpec,
            @DefaultValue("((1536, 128), (None, 32))") String pairAttentionChunkSize,
            @DefaultValue("false") boolean saveEmbeddings,
            @DefaultValue("false") boolean saveDistogram) {
    }

    /**
     * The settings that change what a fold writes (databases and their search engines, template and featurisation
     * settings, model and sampling), as one line: part of a fold's identity, so a fold with other settings is a
     * different fold with its own folder. CPU counts, parallelism, timeouts and where MMseqs2 keeps its indexes
     * change no output and are left out. The engines appear only when some are set (or {@code proteinEngine}, a
     * campaign's {@code searchEngine}, is given), so a fold with AlphaFold 3's engines keeps its identity.
     */
    public String outputSettings(SearchTool proteinEngine) {
        String engines = search.engine().isEmpty() ? "" : "|engines=" + new java.util.TreeMap<>(search.engine());
        if (proteinEngine != null) {
            engines += "|proteinEngine=" + proteinEngine.engineName();
        }
        return outputSettings() + engines;
    }

    private String outputSettings() {
        return String.join("|", "databases=" + new java.util.TreeMap<>(databases), "dbDirs=" + dbDirs,
                "zValues=" + new java.util.TreeMap<>(zValues), "maxTemplateDate=" + template.maxTemplateDate(),
                "maxHits=" + template.maxHits(), "ccd=" + featurisation.ccdPath(), "buckets=" + featurisation.buckets(),
                "maxTokens=" + featurisation.maxTokens(), "refMaxModifiedDate=" + featurisation.refMaxModifiedDate(),
                "model=" + inference.modelDir(), "samples=" + inference.numSamples(),
                "steps=" + inference.diffusionSteps(), "recycles=" + inference.numRecycles(),
                "bf16=" + inference.bfloat16(), "embeddings=" + inference.saveEmbeddings(),
                "distogram=" + inference.saveDistogram());
    }

    /** The settings given as {@code foldbatch.*} properties over the defaults, without a Spring context ({@code validate}). */
    public static FoldbatchProperties bind(java.util.Map<String, Object> properties) {
        return new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(properties))
                .bindOrCreate("foldbatch", FoldbatchProperties.class);
    }
}
