package org.foldbatch.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.foldbatch.IntegrationTest;
import org.foldbatch.structure.MmcifStructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class TemplateSearchTests {

    /** AF3's run_alphafold_data_test input (5tgy, chain P). */
    static final String QUERY = "SEFEKLRQTGDELVQAFQRLREIFDKGDDDSLEQVLEEIEELIQKHRQLFDNRQEAADTEAAKQGDQWVQLFQRFREAID"
            + "KGDKDSLEQLLEELEQALQKIRELAEKKN";
    static final Path DATABASES = Path.of("samples/databases");

    static TemplateSearch.Result result;

    static TemplateSearchConfig config(LocalDate maxDate) {
        return new TemplateSearchConfig(DATABASES.resolve("pdb_seqres_2022_09_28__subsampled_1000.fasta"),
                DATABASES.resolve("pdb_mmcif"), maxDate, 4, 2, Path.of("/usr/bin"), Duration.ofMinutes(5));
    }

    @BeforeAll
    static void runSearch() {
        result = new TemplateSearch(config(LocalDate.of(2021, 9, 30))).searchWithReport(QUERY, ">query\n" + QUERY + "\n");
    }

    @Test
    void keepsAf3sFourTemplatesInOrder() {
        assertThat(result.hits()).extracting(TemplateHit::name)
                .containsExactly("5y2e_A/4-32", "6ydw_Bj/89-154", "6s61_M/42-67", "6s61_M/82-106");
        assertThat(result.skipped()).first().satisfies(s -> {
            assertThat(s.hit()).isEqualTo("7rye_J/15-37");
            assertThat(s.reason()).contains("released 2021-11-10");
        });
    }

    /** hmmsearch finds more hits than the four kept plus those skipped before the fourth was kept. */
    @Test
    void reportsHitsBeforeFilteringAndToolCosts() {
        assertThat(result.hitsFound()).isGreaterThan(result.hits().size() + result.skipped().size());
        assertThat(result.wallSeconds()).isPositive();
        assertThat(result.cpuSeconds()).isNotNegative().isLessThan(result.wallSeconds() * 2 + 1);
        var withoutTools = new TemplateSearch(config(LocalDate.of(2021, 9, 30))).selectHits(QUERY, List.of());
        assertThat(withoutTools.hitsFound()).isZero();
        assertThat(withoutTools.wallSeconds()).isZero();
    }

    @Test
    void missingSeqresIsAOneLineUserError(@TempDir Path dir) {
        var config = new TemplateSearchConfig(dir.resolve("pdb_seqres.fasta"), DATABASES.resolve("pdb_mmcif"),
                LocalDate.of(2021, 9, 30), 4, 1, Path.of("/usr/bin"), Duration.ofMinutes(5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TemplateSearch(config).search(QUERY, ""))
                .isInstanceOf(org.foldbatch.FoldbatchException.class)
                .hasMessage("PDB seqres database " + dir.resolve("pdb_seqres.fasta")
                        + ": not found or not a file; set the template seqres path");
    }

    @Test
    void mapsQueryResiduesOntoFullTemplateSequence() {
        for (var hit : result.hits()) {
            var template = MmcifStructure.fromString(hit.mmcif(), hit.name(), MmcifStructure.Options.AS_IS);
            var sequence = template.chains().get(0).singleLetterSequence();
            int identical = 0;
            for (int i = 0; i < hit.queryIndices().size(); i++) {
                int q = hit.queryIndices().get(i);
                int t = hit.templateIndices().get(i);
                assertThat(t).isBetween(hit.start() - 1, hit.end() - 1);
                if (QUERY.charAt(q) == sequence.charAt(t)) {
                    identical++;
                }
            }
            assertThat(identical).as("identities of %s", hit.name()).isPositive();
            assertThat(hit.queryIndices()).isSorted().doesNotHaveDuplicates();
            assertThat(hit.templateIndices()).isSorted().doesNotHaveDuplicates();
        }
    }

    /**
     * Expected indices were worked out separately: hmmbuild/hmmsearch run by hand on a query-only Stockholm, and the
     * hmmsearch rows walked with AF3's rule ('-' query+1, lower case hit+1, upper case map both) plus start-1.
     */
    @Test
    void queryAndTemplateIndicesMatchTheHmmsearchAlignment() {
        var hits = result.hits();
        assertThat(hits.get(0).queryIndices()).isEqualTo(concat(range(62, 89), List.of(91)));
        assertThat(hits.get(0).templateIndices()).isEqualTo(range(3, 31));
        assertThat(hits.get(1).queryIndices()).isEqualTo(range(32, 91));
        assertThat(hits.get(1).templateIndices()).isEqualTo(concat(range(88, 131), range(138, 153)));
        assertThat(hits.get(2).queryIndices()).isEqualTo(range(71, 96));
        assertThat(hits.get(2).templateIndices()).isEqualTo(range(41, 66));
        assertThat(hits.get(3).queryIndices()).isEqualTo(range(74, 98));
        assertThat(hits.get(3).templateIndices()).isEqualTo(range(81, 105));
    }

    private static List<Integer> range(int fromInclusive, int toInclusive) {
        return IntStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void writesOneChainMmcifPerTemplate() {
        for (var hit : result.hits()) {
            var template = MmcifStructure.fromString(hit.mmcif(), hit.name(), MmcifStructure.Options.AS_IS);
            assertThat(template.chains()).hasSize(1);
            assertThat(template.chains().get(0).authId()).isEqualTo(hit.chainId());
            assertThat(template.releaseDate()).isEqualTo(hit.releaseDate());
            assertThat(template.name()).isEqualToIgnoringCase(hit.pdbId());
        }
    }

    @Test
    void laterCutoffKeepsTheHitReleasedAfterTheDefaultDate() {
        var later = new TemplateSearch(config(LocalDate.of(2022, 1, 1))).search(QUERY, "");
        assertThat(later).extracting(TemplateHit::name).startsWith("5y2e_A/4-32", "6ydw_Bj/89-154", "7rye_J/15-37");
    }

    @Test
    void cacheKeyChangesWithEveryInput() {
        var config = config(LocalDate.of(2021, 9, 30));
        var key = config.cacheKey(QUERY, ">query\n" + QUERY + "\n");
        assertThat(config.cacheKey(QUERY, ">query\n" + QUERY + "\n")).isEqualTo(key);
        assertThat(List.of(config.cacheKey(QUERY + "A", ">query\n" + QUERY + "\n"),
                config.cacheKey(QUERY, ">query\n" + QUERY + "\n>hit\n" + QUERY + "\n"),
                config(LocalDate.of(2021, 10, 1)).cacheKey(QUERY, ">query\n" + QUERY + "\n")))
                .doesNotContain(key).doesNotHaveDuplicates();
    }

    /** hmmbuild --hand must accept the profile Stockholm when the MSA has insertion columns and deletions. */
    @Test
    void profileFromAnMsaWithInsertionsAndDeletionsStillFindsTheTemplates() {
        var homolog = QUERY.substring(0, 40) + "gsg" + QUERY.substring(40, 60).replace('E', 'D') + "-----"
                + QUERY.substring(65);
        var a3m = ">query\n" + QUERY + "\n>homolog_1 made up\n" + homolog + "\n";
        var hits = new TemplateSearch(config(LocalDate.of(2021, 9, 30))).search(QUERY, a3m);
        assertThat(hits).extracting(TemplateHit::pdbId).contains("5y2e", "6ydw");
    }

    static final Path GEMMI = Path.of("/usr/bin/gemmi");
    /** Debian's libcifpp-data ships the PDBx/mmCIF dictionary here. */
    static final Path PDBX_DICTIONARY = Path.of("/usr/share/libcifpp/mmcif_pdbx.dic");

    /**
     * Each template mmCIF must pass gemmi's validation against the PDBx dictionary; AF3's writer omits some
     * mandatory items (entry_id keys, revision ordinals), so only those messages are tolerated.
     */
    @Test
    void templateMmcifPassesGemmiValidation(@TempDir Path dir) throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(Files.isExecutable(GEMMI) || ci, "gemmi is not installed at " + GEMMI);
        assertThat(result.hits()).hasSize(4);
        for (var hit : result.hits()) {
            var file = dir.resolve(hit.pdbId() + "_" + hit.chainId() + "_" + hit.start() + ".cif");
            Files.writeString(file, hit.mmcif(), StandardCharsets.UTF_8);
            var command = new ArrayList<>(List.of(GEMMI.toString(), "validate", "-v"));
            if (Files.isReadable(PDBX_DICTIONARY)) {
                command.addAll(List.of("-d", PDBX_DICTIONARY.toString()));
            }
            command.add(file.toString());
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            var problems = output.lines().filter(line -> !isToleratedGemmiMessage(line)).toList();
            assertThat(problems).as("gemmi validate %s:%n%s", hit.name(), output).isEmpty();
            assertThat(exit).as("gemmi exit code for %s:%n%s", hit.name(), output).isZero();
        }
    }

    private static boolean isToleratedGemmiMessage(String line) {
        return line.startsWith("Missing mandatory tag: ") || line.startsWith("Missing category key: ")
                || line.startsWith("Note: the cif file (block ") && line.endsWith("is missing _audit_conform.dict_name")
                || line.startsWith("Category indicated as CHEM_COMP_INT: ") || line.equals("OK");
    }

    /** Only a gzipped 6s61 is present: the other top hits are skipped and 6s61's two hits come first. */
    @Test
    void hitsWithoutAnMmcifAreSkippedWithAReason(@TempDir Path dir) throws IOException {
        var mmcifDir = Files.createDirectory(dir.resolve("pdb_mmcif"));
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(mmcifDir.resolve("6s61.cif.gz")))) {
            Files.copy(DATABASES.resolve("pdb_mmcif/6s61.cif"), out);
        }
        var config = new TemplateSearchConfig(DATABASES.resolve("pdb_seqres_2022_09_28__subsampled_1000.fasta"),
                mmcifDir, LocalDate.of(2021, 9, 30), 4, 1, Path.of("/usr/bin"), Duration.ofMinutes(5));
        var partial = new TemplateSearch(config).searchWithReport(QUERY, "");
        assertThat(partial.hits()).extracting(TemplateHit::name).startsWith("6s61_M/42-67", "6s61_M/82-106");
        assertThat(partial.skipped()).extracting(TemplateSearch.Skipped::hit)
                .startsWith("5y2e_A/4-32", "6ydw_Bj/89-154", "7rye_J/15-37");
        assertThat(partial.skipped().get(0).reason()).isEqualTo("no mmCIF for 5y2e in " + mmcifDir);
    }

    @Test
    void malformedHitMmcifIsAnErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        var mmcifDir = Files.createDirectory(dir.resolve("pdb_mmcif"));
        var text = Files.readString(DATABASES.resolve("pdb_mmcif/5y2e.cif"));
        Files.writeString(mmcifDir.resolve("5y2e.cif"), text.replace("\"Non-structural glycoprotein 4\"",
                "\"Non-structural glycoprotein 4"));
        var config = new TemplateSearchConfig(DATABASES.resolve("pdb_seqres_2022_09_28__subsampled_1000.fasta"),
                mmcifDir, LocalDate.of(2021, 9, 30), 4, 1, Path.of("/usr/bin"), Duration.ofMinutes(5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TemplateSearch(config).search(QUERY, ""))
                .isInstanceOf(org.foldbatch.FoldbatchException.class)
                .hasMessage(mmcifDir.resolve("5y2e.cif") + ": line 29: quote \" opened at column 26 is not closed");
    }
}
