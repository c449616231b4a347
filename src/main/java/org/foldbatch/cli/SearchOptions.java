package org.foldbatch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

/** The data-pipeline knobs AlphaFold 3 exposes as flags, mapped onto foldbatch.* settings. */
final class SearchOptions {

    @Setting("foldbatch.db-dirs")
    @Option(names = "--db-dir", paramLabel = "DIR",
            description = "Directory holding the databases; repeatable, the first one that has a file wins.")
    List<Path> dbDirs;

    @Setting("foldbatch.databases.")
    @Option(names = "--database", paramLabel = "NAME=PATH",
            description = "Path of one database (uniref90, mgnify, small-bfd, uniprot, rfam, rna-central, nt-rna, "
                    + "pdb-seqres, pdb-mmcif-dir); a sharded database is written prefix@N. Repeatable.")
    Map<String, String> databases;

    @Setting("foldbatch.z-values.")
    @Option(names = "--z-value", paramLabel = "NAME=Z",
            description = "HMMER Z value of a database (sequences for protein, megabases for RNA); required when sharded.")
    Map<String, String> zValues;

    @Setting("foldbatch.search.jackhmmer-cpus")
    @Option(names = "--jackhmmer-n-cpu", description = "CPUs of each jackhmmer run (default min(cores, 8)).")
    Integer jackhmmerCpus;

    @Setting("foldbatch.search.nhmmer-cpus")
    @Option(names = "--nhmmer-n-cpu", description = "CPUs of each nhmmer run (default min(cores, 8)).")
    Integer nhmmerCpus;

    @Setting("foldbatch.search.max-parallel-searches")
    @Option(names = "--max-parallel-searches", description = "Database searches of one chain at the same time (default 4).")
    Integer maxParallelSearches;

    @Setting("foldbatch.search.max-parallel-shards")
    @Option(names = "--max-parallel-shards", description = "Shards of one database searched at the same time (default all).")
    Integer maxParallelShards;

    @Setting("foldbatch.search.parallel-chains")
    @Option(names = "--parallel-chains", description = "Chains searched at the same time in this process (default 1).")
    Integer parallelChains;

    @Setting("foldbatch.search.hmmer-binary-dir")
    @Option(names = "--hmmer-binary-dir", paramLabel = "DIR", description = "Directory of the HMMER binaries (default PATH).")
    Path hmmerBinaryDir;

    @Setting("foldbatch.search.memory")
    @Option(names = "--memory", paramLabel = "SIZE",
            description = "Memory the searches of this process may use at once, e.g. 64GB (default: physical memory).")
    String memory;

    @Setting("foldbatch.search.stage-dir")
    @Option(names = "--stage-dir", paramLabel = "DIR",
            description = "Copy the sequence databases here (a fast file system, e.g. /dev/shm/foldbatch) before searching.")
    Path stageDir;

    @Setting("foldbatch.search.shard-groups")
    @Option(names = "--shard-groups", paramLabel = "N",
            description = "Search a sharded database in N partitions per chain, on any workers (default 1).")
    Integer shardGroups;

    @Setting("foldbatch.template.max-template-date")
    @Option(names = "--max-template-date", paramLabel = "YYYY-MM-DD", description = "Latest template release date.")
    String maxTemplateDate;

    Map<String, Object> springProperties() {
        return FlagSettings.of(this);
    }
}
