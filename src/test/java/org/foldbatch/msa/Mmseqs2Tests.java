package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.foldbatch.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real MMseqs2 on the miniature databases: the A3M the pipeline takes, and the managed index directory. */
@IntegrationTest
class Mmseqs2Tests {

    @TempDir
    Path temp;

    @Test
    void uniProtHitsBecomeJackhmmerStyleRowsAndIncludeEveryJackhmmerHit() {
        GeneSearchExecutor executor = MmseqsTesting.executor(temp);
        SearchRequest mmseqs = MmseqsTesting.mmseqsPlan().requests(TestData.RESPONSE_REGULATOR, MoleculeType.PROTEIN)
                .get(3);
        SearchRequest jackhmmer = new GeneSearchPlan(MiniatureDatabases.config(2, 2), "HMMER 3.3.2")
                .requests(TestData.RESPONSE_REGULATOR, MoleculeType.PROTEIN).get(3);
        assertThat(mmseqs.database().name()).isEqualTo("uniprot");

        SearchResult result = executor.apply(mmseqs);
        List<FastaRecord> rows = A3m.parse(result.a3m());

        assertThat(result.tool()).isEqualTo("mmseqs2");
        assertThat(rows.get(0)).isEqualTo(new FastaRecord("query", TestData.RESPONSE_REGULATOR));
        assertThat(rows).hasSize(result.rowsKept()).hasSizeGreaterThan(1);
        assertThat(rows).allSatisfy(r -> assertThat(TestData.alignedLength(r.sequence()))
                .isEqualTo(TestData.RESPONSE_REGULATOR.length()));
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.description())
                .matches("(tr|sp)\\|[A-Z0-9]+\\|[A-Z0-9]+_[A-Z0-9]+/\\d+-\\d+ .*OX=\\d+.*"));
        assertThat(rows).anySatisfy(r -> assertThat(r.sequence()).containsPattern("[a-z]"));
        assertThat(Msa.fromA3m(TestData.RESPONSE_REGULATOR, MoleculeType.PROTEIN, result.a3m(), false).depth())
                .isEqualTo(rows.size());
        assertThat(targets(result.a3m())).containsAll(targets(executor.apply(jackhmmer).a3m()));
    }

    @Test
    void theRowLimitKeepsTheBestHitsAfterTheQuery() {
        SearchRequest full = MmseqsTesting.mmseqsPlan().requests(TestData.RESPONSE_REGULATOR, MoleculeType.PROTEIN)
                .get(0);
        SearchRequest limited = new SearchRequest(full.type(), full.sequence(), full.database(), full.tool(),
                full.eValue(), 3, full.cpus(), null, full.toolVersion(), full.databaseFingerprint());
        GeneSearchExecutor executor = MmseqsTesting.executor(temp);
        SearchResult all = executor.apply(full);
        SearchResult three = executor.apply(limited);

        assertThat(all.hits()).isGreaterThan(2);
        assertThat(three.hits()).isEqualTo(all.hits());
        assertThat(three.rowsKept()).isEqualTo(3);
        assertThat(A3m.parse(three.a3m())).isEqualTo(A3m.parse(all.a3m()).subList(0, 3));
    }

    @Test
    void theIndexIsBuiltOnceByConcurrentUsersAndRebuiltWhenTheFastaChanges() throws Exception {
        Path fasta = temp.resolve("small.fasta");
        List<FastaRecord> records = A3m.parse(Files.readString(TestData.database("uniprot_all__subsampled_1000.fasta")));
        Files.writeString(fasta, A3m.format(records.subList(0, 40), true));
        DatabaseSpec spec = DatabaseSpec.of("uniprot", fasta);
        Path root = temp.resolve("index");
        MmseqsIndex index = MmseqsTesting.index(root);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Path>> built = new ArrayList<>();
        String fingerprint = spec.fingerprint();
        for (int i = 0; i < 2; i++) {
            built.add(pool.submit(() -> index.ensure(spec, fingerprint)));
        }
        Path first = built.get(0).get();
        assertThat(built.get(1).get()).isEqualTo(first);
        pool.shutdown();
        Path ready = first.resolveSibling(MmseqsIndex.READY);
        long builtAt = Files.getLastModifiedTime(ready).toMillis();
        assertThat(Files.readString(ready)).contains("fingerprint=" + fingerprint);
        assertThat(MmseqsTesting.index(root).ensure(spec, fingerprint)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(ready).toMillis()).as("not rebuilt").isEqualTo(builtAt);
        try (var dirs = Files.list(root)) {
            assertThat(dirs.filter(Files::isDirectory).count()).as("one build, no leftover temporary directory")
                    .isEqualTo(1);
        }

        Files.writeString(fasta, A3m.format(records.subList(0, 41), true));
        String changed = spec.fingerprint();
        Path rebuilt = index.ensure(spec, changed);
        assertThat(rebuilt).isNotEqualTo(first);
        assertThat(Files.readString(rebuilt.resolveSibling(MmseqsIndex.READY))).contains("fingerprint=" + changed);
    }

    private static Set<String> targets(String a3m) {
        Set<String> targets = new HashSet<>();
        for (FastaRecord row : A3m.parse(a3m)) {
            String word = row.description().split(" ", 2)[0];
            targets.add(word.contains("/") ? word.substring(0, word.lastIndexOf('/')) : word);
        }
        targets.remove("query");
        return targets;
    }
}
