package org.foldbatch.msa;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Real MMseqs2 for tests: the installed {@code mmseqs} with one managed index directory under {@code target/}, shared
 * by the test classes (the directory is safe for concurrent and repeated use, so each miniature database is indexed
 * once per build tree rather than once per test).
 */
public final class MmseqsTesting {

    public static final Path INDEX_ROOT = Path.of("target/mmseqs-test-index");

    private MmseqsTesting() {
    }

    public static String version() {
        return MmseqsBinary.locate(null).version(new ToolRunner());
    }

    public static MmseqsIndex index(Path root) {
        MmseqsBinary binary = MmseqsBinary.locate(null);
        ToolRunner runner = new ToolRunner();
        return new MmseqsIndex(binary, binary.version(runner), runner, root, 2, Duration.ofMinutes(10));
    }

    /** Runs jackhmmer, nhmmer and MMseqs2 requests with the real programs; temp files under {@code temp}. */
    public static GeneSearchExecutor executor(Path temp) {
        ToolRunner runner = new ToolRunner();
        Mmseqs2 mmseqs = new Mmseqs2(MmseqsBinary.locate(null), index(INDEX_ROOT), runner, Duration.ofMinutes(10),
                temp);
        return new GeneSearchExecutor(HmmerBinaries.locate(null), () -> mmseqs, runner, Duration.ofMinutes(10), temp);
    }

    /** The plan searching every protein database of the miniature set with MMseqs2. */
    public static GeneSearchPlan mmseqsPlan() {
        return new GeneSearchPlan(MiniatureDatabases.config(2, 2).withProteinEngine(SearchTool.MMSEQS2),
                "HMMER 3.3.2", version());
    }
}
