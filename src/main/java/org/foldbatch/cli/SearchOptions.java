package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

/** The data-pipeline knobs AlphaFold 3 exposes as flags, mapped onto foldbatch.* settings. */
final class SearchOptions {

    @Option(names = "--db-dir", paramLabel = "DIR",
            description = "Directory holding the databases; repeatable, the first one that has a file wins.")
    List<Path> dbDirs;

    @Option(names = "--database", paramLabel = "NAME=PATH",
            description = "Path of one database (uniref90, mgnify, small-bfd, uniprot, rfam, rna-central, nt-rna, "
                    + "pdb-seqres, pdb-mmcif-dir); a sharded database is written prefix@N. Repeatable.")
    Map<String, String> databases;

    @Option(names = "--z-value", paramLabel = "NAME=Z",
            description = "HMMER Z value of a database (sequences for protein, megabases for RNA); required when sharded.")
    Map<String, String> zValues;

    @Option(names = "--jackhmmer-n-cpu", description = "CPUs of each jackhmmer run (default min(cores, 8)).")
    Integer jackhmmerCpus;

    @Option(names = "--nhmmer-n-cpu", description = "CPUs of each nhmmer run (default min(cores, 8)).")
    Integer nhmmerCpus;

    @Option(names = "--max-parallel-searches", description = "Database searches of one chain at the same time (default 4).")
    Integer maxParallelSearches;

    @Option(names = "--max-parallel-shards", description = "Shards of one database searched at the same time (default all).")
    Integer maxParallelShards;

    @Option(names = "--parallel-chains", description = "Chains searched at the same time in this process (default 1).")
    Integer parallelChains;

    @Option(names = "--hmmer-binary-dir", paramLabel = "DIR", description = "Directory of the HMMER binaries (default PATH).")
    Path hmmerBinaryDir;

    @Option(names = "--max-template-date", paramLabel = "YYYY-MM-DD", description = "Latest template release date.")
    String maxTemplateDate;

    Map<String, Object> springProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (dbDirs != null) {
            p.put("foldbatch.db-dirs", String.join(",", dbDirs.stream().map(d -> d.toAbsolutePath().toString()).toList()));
        }
        if (databases != null) {
            databases.forEach((name, path) -> p.put("foldbatch.databases." + name, path));
        }
        if (zValues != null) {
            zValues.forEach((name, z) -> p.put("foldbatch.z-values." + name, z));
        }
        putIfSet(p, "foldbatch.search.jackhmmer-cpus", jackhmmerCpus);
        putIfSet(p, "foldbatch.search.nhmmer-cpus", nhmmerCpus);
        putIfSet(p, "foldbatch.search.max-parallel-searches", maxParallelSearches);
        putIfSet(p, "foldbatch.search.max-parallel-shards", maxParallelShards);
        putIfSet(p, "foldbatch.search.parallel-chains", parallelChains);
        putIfSet(p, "foldbatch.search.hmmer-binary-dir", hmmerBinaryDir == null ? null : hmmerBinaryDir.toAbsolutePath());
        putIfSet(p, "foldbatch.template.max-template-date", maxTemplateDate);
        return p;
    }

    private static void putIfSet(Map<String, Object> p, String key, Object value) {
        if (value != null) {
            p.put(key, value.toString());
        }
    }
}
