package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foldbatch.model.XlaCompilationCache;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The settings flags of AlphaFold 3's {@code run_alphafold.py}, spelled as there, onto the same {@code foldbatch.*}
 * settings as Foldbatch's own flags. Booleans take absl's forms ({@code --flag}, {@code --noflag},
 * {@code --flag=true|false}). Flags whose meaning Foldbatch does not have are refused by {@link #refusals()}.
 * Used by {@code run} and {@code worker}; the per-job flags (inputs, outputs, stages, seeds) are {@link
 * AlphaFold3JobFlags}.
 */
final class AlphaFold3Flags {

    /** AlphaFold 3's {@code --<db>_database_path} prefix to Foldbatch's database name. */
    static final Map<String, String> DATABASES = Map.of("small_bfd", "small-bfd", "mgnify", "mgnify",
            "uniprot_cluster_annot", "uniprot", "uniref90", "uniref90", "ntrna", "nt-rna", "rfam", "rfam",
            "rna_central", "rna-central", "seqres", "pdb-seqres", "pdb", "pdb-mmcif-dir");

    private static final String DB_DIR = "${DB_DIR}/";

    @Option(names = "--db_dir", paramLabel = "DIR", description = "= --db-dir (repeatable, searched in order).")
    List<Path> dbDirs;

    @Option(names = "--small_bfd_database_path", paramLabel = "PATH", description = "= --database small-bfd=PATH")
    String smallBfd;
    @Option(names = "--mgnify_database_path", paramLabel = "PATH", description = "= --database mgnify=PATH")
    String mgnify;
    @Option(names = "--uniprot_cluster_annot_database_path", paramLabel = "PATH",
            description = "= --database uniprot=PATH")
    String uniprot;
    @Option(names = "--uniref90_database_path", paramLabel = "PATH", description = "= --database uniref90=PATH")
    String uniref90;
    @Option(names = "--ntrna_database_path", paramLabel = "PATH", description = "= --database nt-rna=PATH")
    String ntRna;
    @Option(names = "--rfam_database_path", paramLabel = "PATH", description = "= --database rfam=PATH")
    String rfam;
    @Option(names = "--rna_central_database_path", paramLabel = "PATH",
            description = "= --database rna-central=PATH")
    String rnaCentral;
    @Option(names = "--seqres_database_path", paramLabel = "PATH", description = "= --database pdb-seqres=PATH")
    String seqres;
    @Option(names = "--pdb_database_path", paramLabel = "DIR", description = "= --database pdb-mmcif-dir=DIR")
    String pdb;

    @Option(names = "--small_bfd_z_value", paramLabel = "Z", description = "= --z-value small-bfd=Z")
    String smallBfdZ;
    @Option(names = "--mgnify_z_value", paramLabel = "Z", description = "= --z-value mgnify=Z")
    String mgnifyZ;
    @Option(names = "--uniprot_cluster_annot_z_value", paramLabel = "Z", description = "= --z-value uniprot=Z")
    String uniprotZ;
    @Option(names = "--uniref90_z_value", paramLabel = "Z", description = "= --z-value uniref90=Z")
    String uniref90Z;
    @Option(names = "--ntrna_z_value", paramLabel = "MB", description = "= --z-value nt-rna=MB")
    String ntRnaZ;
    @Option(names = "--rfam_z_value", paramLabel = "MB", description = "= --z-value rfam=MB")
    String rfamZ;
    @Option(names = "--rna_central_z_value", paramLabel = "MB", description = "= --z-value rna-central=MB")
    String rnaCentralZ;

    @Option(names = "--jackhmmer_binary_path", paramLabel = "FILE",
            description = "HMMER programs come from one directory: its directory becomes --hmmer-binary-dir.")
    Path jackhmmer;
    @Option(names = "--nhmmer_binary_path", paramLabel = "FILE", description = "As --jackhmmer_binary_path.")
    Path nhmmer;
    @Option(names = "--hmmalign_binary_path", paramLabel = "FILE", description = "As --jackhmmer_binary_path.")
    Path hmmalign;
    @Option(names = "--hmmsearch_binary_path", paramLabel = "FILE", description = "As --jackhmmer_binary_path.")
    Path hmmsearch;
    @Option(names = "--hmmbuild_binary_path", paramLabel = "FILE", description = "As --jackhmmer_binary_path.")
    Path hmmbuild;

    @Option(names = "--jackhmmer_n_cpu", description = "= --jackhmmer-n-cpu")
    Integer jackhmmerCpus;
    @Option(names = "--nhmmer_n_cpu", description = "= --nhmmer-n-cpu")
    Integer nhmmerCpus;
    @Option(names = "--hmmsearch_n_cpu", description = "= setting foldbatch.template.hmmsearch-cpus")
    Integer hmmsearchCpus;
    @Option(names = "--jackhmmer_max_parallel_shards", description = "= --max-parallel-shards")
    Integer jackhmmerShards;
    @Option(names = "--nhmmer_max_parallel_shards", description = "= --max-parallel-shards (one setting for both)")
    Integer nhmmerShards;
    @Option(names = "--jackhmmer_n_workers", description = "= --max-parallel-searches")
    Integer jackhmmerWorkers;
    @Option(names = "--nhmmer_n_workers", description = "= --max-parallel-searches (one setting for both)")
    Integer nhmmerWorkers;

    @Option(names = "--max_template_date", paramLabel = "YYYY-MM-DD",
            description = "= --max-template-date; also the CCD model-coordinate cut-off, as in AlphaFold 3.")
    String maxTemplateDate;
    @Option(names = "--resolve_msa_overlaps", negatable = true, arity = "0..1", fallbackValue = "true",
            description = "Drop unpaired MSA rows equal to a paired row (default true).")
    Boolean resolveMsaOverlaps;

    @Option(names = "--model_dir", paramLabel = "DIR", description = "= --model-dir")
    Path modelDir;
    @Option(names = "--num_recycles", description = "= --num-recycles")
    Integer numRecycles;
    @Option(names = "--num_diffusion_samples", description = "= --num-diffusion-samples")
    Integer numSamples;
    @Option(names = "--save_embeddings", negatable = true, arity = "0..1", fallbackValue = "true",
            description = "= --save-embeddings")
    Boolean saveEmbeddings;
    @Option(names = "--save_distogram", negatable = true, arity = "0..1", fallbackValue = "true",
            description = "= --save-distogram")
    Boolean saveDistogram;
    @Option(names = "--jax_compilation_cache_dir", paramLabel = "DIR",
            description = "Persistent XLA compilation cache (turns --xla-jit on); bin/foldbatch passes it to "
                    + "TensorFlow through TF_XLA_FLAGS.")
    Path compilationCacheDir;
    @Option(names = "--flash_attention_implementation", paramLabel = "triton|cudnn|xla",
            description = "Accepted, same result for every value: attention here is TensorFlow's own ops, "
                    + "AlphaFold 3's 'xla' implementation; there are no Triton or cuDNN flash kernels.")
    FlashAttention flashAttention;
    @Option(names = "--jax_backend", paramLabel = "cpu|gpu",
            description = "Must match the build: cpu for the default build, gpu for mvn -Pgpu.")
    String backend;
    @Option(names = "--gpu_device", description = "Only 0 (the first visible device); pick another with "
            + "CUDA_VISIBLE_DEVICES.")
    Integer gpuDevice;

    @Option(names = "--conformer_max_iterations", hidden = true)
    Integer conformerMaxIterations;
    @Option(names = "--fix_standalone_glycans", negatable = true, arity = "0..1", fallbackValue = "true",
            hidden = true)
    Boolean fixStandaloneGlycans;
    @Option(names = "--save_terms_of_use", negatable = true, arity = "0..1", fallbackValue = "true", hidden = true)
    Boolean saveTermsOfUse;
    @Option(names = "--compress_large_output_files", negatable = true, arity = "0..1", fallbackValue = "true",
            hidden = true)
    Boolean compressLargeOutputFiles;

    enum FlashAttention { triton, cudnn, xla }

    /** Stops with a usage error (exit 2) listing every flag given that Foldbatch cannot honour. */
    void requireHonoured(CommandLine cli) {
        List<String> refused = refusals(BuildInfo.classifier(), System.getenv());
        if (!refused.isEmpty()) {
            throw new CommandLine.ParameterException(cli, String.join("\n", refused));
        }
    }

    /** One line per flag given here that Foldbatch cannot honour, with the reason; empty when all are fine. */
    List<String> refusals(String buildClassifier, Map<String, String> env) {
        List<String> r = new ArrayList<>();
        String cacheFlag = compilationCacheDir == null ? null
                : XlaCompilationCache.FLAG + compilationCacheDir.toAbsolutePath().normalize();
        if (cacheFlag != null
                && !List.of(env.getOrDefault(XlaCompilationCache.ENV, "").trim().split("\\s+")).contains(cacheFlag)) {
            r.add("--jax_compilation_cache_dir: TensorFlow reads it from " + XlaCompilationCache.ENV + " at start; "
                    + "run through bin/foldbatch (./foldbatch), which sets it, or set " + XlaCompilationCache.ENV + "="
                    + cacheFlag);
        }
        if (conformerMaxIterations != null) {
            r.add("--conformer_max_iterations: conformers come from OpenChemLib, bounded by time, not from RDKit's "
                    + "iterations");
        }
        if (Boolean.TRUE.equals(fixStandaloneGlycans)) {
            r.add("--fix_standalone_glycans: only AlphaFold 3's trained behaviour (false) is implemented");
        }
        if (Boolean.TRUE.equals(saveTermsOfUse)) {
            r.add("--save_terms_of_use: Foldbatch does not write Google's terms-of-use text; pass "
                    + "--nosave_terms_of_use or leave it out");
        }
        if (Boolean.TRUE.equals(compressLargeOutputFiles)) {
            r.add("--compress_large_output_files: fold jobs write uncompressed mmCIF and confidences files");
        }
        boolean gpuBuild = buildClassifier.contains("gpu");
        if (backend != null && !backend.equals(gpuBuild ? "gpu" : "cpu")) {
            r.add("--jax_backend=" + backend + ": this is the " + (gpuBuild ? "GPU" : "CPU") + " build ("
                    + buildClassifier + "); the backend is chosen when building (mvn -Pgpu package for gpu)");
        }
        if (gpuDevice != null && gpuDevice != 0) {
            r.add("--gpu_device=" + gpuDevice + ": Foldbatch uses the first visible device; run with "
                    + "CUDA_VISIBLE_DEVICES=" + gpuDevice + " instead");
        }
        conflict(r, "--jackhmmer_max_parallel_shards", jackhmmerShards, "--nhmmer_max_parallel_shards", nhmmerShards,
                "--max-parallel-shards");
        conflict(r, "--jackhmmer_n_workers", jackhmmerWorkers, "--nhmmer_n_workers", nhmmerWorkers,
                "--max-parallel-searches");
        binaryDirectory(r);
        return r;
    }

    private static void conflict(List<String> r, String a, Integer x, String b, Integer y, String ours) {
        if (x != null && y != null && !x.equals(y)) {
            r.add(a + "=" + x + " and " + b + "=" + y + ": Foldbatch has one setting for both (" + ours
                    + "); give them the same value");
        }
    }

    private void binaryDirectory(List<String> r) {
        Path dir = null;
        for (Map.Entry<String, Path> e : namedBinaries().entrySet()) {
            String flag = "--" + e.getKey() + "_binary_path=" + e.getValue() + ": ";
            Path parent = e.getValue().toAbsolutePath().normalize().getParent();
            if (dir == null) {
                dir = parent;
            }
            if (!dir.equals(parent)) {
                r.add(flag + "Foldbatch takes every HMMER program from one directory (--hmmer-binary-dir), here "
                        + dir);
            } else if (!e.getValue().getFileName().toString().equals(e.getKey())) {
                r.add(flag + "the program must be named " + e.getKey() + " in its directory (--hmmer-binary-dir)");
            }
        }
    }

    private Map<String, Path> namedBinaries() {
        Map<String, Path> m = new LinkedHashMap<>();
        if (jackhmmer != null) {
            m.put("jackhmmer", jackhmmer);
        }
        if (nhmmer != null) {
            m.put("nhmmer", nhmmer);
        }
        if (hmmalign != null) {
            m.put("hmmalign", hmmalign);
        }
        if (hmmsearch != null) {
            m.put("hmmsearch", hmmsearch);
        }
        if (hmmbuild != null) {
            m.put("hmmbuild", hmmbuild);
        }
        return m;
    }

    /** The settings these flags give, in the keys Foldbatch's own flags use. */
    Map<String, Object> springProperties() {
        FlagSettings p = new FlagSettings().paths("foldbatch.db-dirs", dbDirs);
        database(p, "small_bfd", smallBfd, smallBfdZ);
        database(p, "mgnify", mgnify, mgnifyZ);
        database(p, "uniprot_cluster_annot", uniprot, uniprotZ);
        database(p, "uniref90", uniref90, uniref90Z);
        database(p, "ntrna", ntRna, ntRnaZ);
        database(p, "rfam", rfam, rfamZ);
        database(p, "rna_central", rnaCentral, rnaCentralZ);
        database(p, "seqres", seqres, null);
        database(p, "pdb", pdb, null);
        namedBinaries().values().stream().findFirst().ifPresent(binary -> p.put("foldbatch.search.hmmer-binary-dir",
                binary.toAbsolutePath().normalize().getParent()));
        return p.put("foldbatch.search.jackhmmer-cpus", jackhmmerCpus)
                .put("foldbatch.search.nhmmer-cpus", nhmmerCpus)
                .put("foldbatch.template.hmmsearch-cpus", hmmsearchCpus)
                .put("foldbatch.search.max-parallel-shards", jackhmmerShards != null ? jackhmmerShards : nhmmerShards)
                .put("foldbatch.search.max-parallel-searches",
                        jackhmmerWorkers != null ? jackhmmerWorkers : nhmmerWorkers)
                .put("foldbatch.template.max-template-date", maxTemplateDate)
                .put("foldbatch.featurisation.ref-max-modified-date", maxTemplateDate)
                .put("foldbatch.featurisation.resolve-msa-overlaps", resolveMsaOverlaps)
                .put("foldbatch.inference.model-dir", modelDir)
                .put("foldbatch.inference.num-recycles", numRecycles)
                .put("foldbatch.inference.num-samples", numSamples)
                .put("foldbatch.inference.save-embeddings", saveEmbeddings)
                .put("foldbatch.inference.save-distogram", saveDistogram)
                .on("foldbatch.inference.xla-jit", compilationCacheDir != null)
                .toMap();
    }

    /** {@code ${DB_DIR}/name} (AlphaFold 3's placeholder) becomes {@code name}, which Foldbatch looks up in --db-dir. */
    private static void database(FlagSettings p, String af3Name, String path, String z) {
        String name = DATABASES.get(af3Name);
        p.put("foldbatch.databases." + name, path == null || !path.startsWith(DB_DIR) ? path
                : path.substring(DB_DIR.length()));
        p.put("foldbatch.z-values." + name, z);
    }
}
