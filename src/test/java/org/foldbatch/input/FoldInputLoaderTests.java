package org.foldbatch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.foldbatch.util.PythonJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class FoldInputLoaderTests {

    static final Path EXAMPLES = Path.of("samples/inputs/examples");
    static final Path PARSING = Path.of("samples/inputs/parsing");

    @TempDir
    Path dir;

    private final FoldInputLoader loader = new FoldInputLoader(new Random(1));

    // ------------------------------------------------------------------ helpers

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String af3(String sequences) {
        return """
                {"dialect": "alphafold3", "version": 4, "name": "test_input", "modelSeeds": [1],
                 "sequences": %s}""".formatted(sequences);
    }

    private List<FoldInput> load(String json) throws IOException {
        return loader.load(write("input.json", json));
    }

    private void assertFails(String json, String path, String reason) throws IOException {
        Path file = write("input.json", json);
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": " + path + ": " + reason);
    }

    // ------------------------------------------------------------------ examples and AF3's from_json

    @Test
    void everyExampleParsesAndRoundTrips() throws IOException {
        List<Path> files = FoldInputLoader.jsonFiles(EXAMPLES);
        assertThat(files).hasSize(9);
        for (Path file : files) {
            List<FoldInput> inputs = loader.load(file);
            assertThat(inputs).as(file.toString()).hasSize(1);
            FoldInput input = inputs.get(0);
            assertThat(loader.parse(input.toJson(), file)).containsExactly(input);
        }
    }

    @Test
    void examplesKeepTheirContent() {
        FoldInput calmodulin = loader.load(EXAMPLES.resolve("calmodulin_4calcium.json")).get(0);
        assertThat(calmodulin.chains()).extracting(Chain::id).containsExactly("A", "B", "C", "D", "E");
        assertThat(calmodulin.ligands()).allSatisfy(l -> assertThat(l.ccdCodes()).containsExactly("CA"));

        FoldInput kras = loader.load(EXAMPLES.resolve("kras_g12c_sotorasib.json")).get(0);
        assertThat(kras.bondedAtomPairs()).containsExactly(
                new BondedAtomPair(new BondAtom("A", 12, "SG"), new BondAtom("B", 1, "C25")));

        FoldInput biotin = loader.load(EXAMPLES.resolve("streptavidin_biotin_smiles.json")).get(0);
        assertThat(biotin.ligands().get(0).smiles()).isEqualTo("OC(=O)CCCC[C@@H]1SC[C@@H]2NC(=O)N[C@H]12");
        assertThat(biotin.proteinChains().get(0).unpairedMsa()).isNull();
        assertThat(biotin.proteinChains().get(0).templates()).isNull();
    }

    @Test
    void parsesTheFifteenChainJobOfAlphaFold3sFromJsonTest() throws IOException {
        FoldInput input = loader.load(PARSING.resolve("fold_job_one.json")).get(0);
        String templateMmcif = Files.readString(PARSING.resolve("test_template.mmcif"));

        FoldInput expected = new FoldInput("Test Fold Job Number One", List.of(10L, 42L), List.of(
                new ProteinChain("A", "PREACHINGS", List.of(new Modification("HY3", 1), new Modification("P1L", 5)),
                        null, ">query\nPREACHINGS\n>unpaired seq 1\nPREA--INGS",
                        ">query\nPREACHINGS\n>paired seq 1\n--EACHINGS", null),
                new ProteinChain("AA", "REACHER", List.of(), null, null, null, List.of(Template.of(templateMmcif,
                        orderedMap(0, 0, 1, 1, 2, 2, 4, 3, 5, 4, 6, 8)))),
                new DnaChain("C", "GATTACA", List.of(new Modification("6OG", 1), new Modification("6MA", 2)), null),
                DnaChain.of("D", "TGTAATC"),
                new RnaChain("E", "GUAC", List.of(new Modification("2MG", 1), new Modification("5MC", 4)), null,
                        ">query\nGUAC\n>unpaired seq 1\nGUACaa"),
                Ligand.ofCcd("F", "ATP"), Ligand.ofCcd("G", "HEM"), Ligand.ofCcd("H", "HEM"),
                Ligand.ofCcd("I", "MG"), Ligand.ofCcd("II", "MG"), Ligand.ofCcd("J", "NAG", "FUC"),
                Ligand.ofCcd("JJ", "NA"), Ligand.ofCcd("X", "NA"), Ligand.ofCcd("Y", "NA"),
                Ligand.ofSmiles("Z", "c1nc(c2c(n1)n(cn2)[C@H]3[C@@H]([C@@H]([C@H](O3)CO[P@@](=O)(O)O[P@](=O)(O)"
                        + "OP(=O)(O)O)O)O)N")),
                List.of(bond("A", 1, "CA", "AA", 1, "CA"), bond("A", 1, "CA", "G", 1, "CHA"),
                        bond("J", 1, "O6", "J", 2, "C1")),
                null);
        assertThat(input).isEqualTo(expected);
        assertThat(input.chains()).extracting(Chain::id)
                .containsExactly("A", "AA", "C", "D", "E", "F", "G", "H", "I", "II", "J", "JJ", "X", "Y", "Z");
    }

    static Map<Integer, Integer> orderedMap(int... pairs) {
        Map<Integer, Integer> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static BondedAtomPair bond(String c1, int r1, String a1, String c2, int r2, String a2) {
        return new BondedAtomPair(new BondAtom(c1, r1, a1), new BondAtom(c2, r2, a2));
    }

    // ------------------------------------------------------------------ *Path fields

    static Stream<Arguments> compressions() {
        UnaryOperator<byte[]> none = b -> b;
        UnaryOperator<byte[]> gzip = b -> {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                    z.write(b);
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        UnaryOperator<byte[]> xz = b -> {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (XZOutputStream z = new XZOutputStream(out, new LZMA2Options())) {
                    z.write(b);
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        UnaryOperator<byte[]> zstd = Zstd::compress;
        return Stream.of(Arguments.of("none", none), Arguments.of("gzip", gzip), Arguments.of("xz", xz),
                Arguments.of("zstd", zstd));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compressions")
    void readsExternalDataWithAnyCompression(String name, UnaryOperator<byte[]> compress) throws IOException {
        String unpaired = ">query\nDEEPMIND";
        String paired = ">query\nDEEPMIND\n>p\nDEEPMIN-";
        String mmcif = Files.readString(PARSING.resolve("test_template.mmcif"));
        String rnaMsa = ">query\nGGG";
        Files.write(dir.resolve("unpaired_msa.a3m"), compress.apply(unpaired.getBytes(StandardCharsets.UTF_8)));
        Files.write(dir.resolve("paired_msa.a3m"), compress.apply(paired.getBytes(StandardCharsets.UTF_8)));
        Files.write(dir.resolve("template.mmcif"), compress.apply(mmcif.getBytes(StandardCharsets.UTF_8)));
        Path rnaFile = dir.resolve("rna.a3m");
        Files.write(rnaFile, compress.apply(rnaMsa.getBytes(StandardCharsets.UTF_8)));

        FoldInput input = load(af3("""
                [{"protein": {"id": "A", "sequence": "DEEPMIND",
                   "unpairedMsaPath": "%s", "pairedMsaPath": "paired_msa.a3m",
                   "templates": [{"mmcifPath": "template.mmcif", "queryIndices": [0, 1, 2, 3, 4, 5],
                                  "templateIndices": [0, 1, 2, 3, 4, 5]}]}},
                 {"rna": {"id": "B", "sequence": "GGG", "unpairedMsaPath": "%s"}}]"""
                .formatted(dir.resolve("unpaired_msa.a3m"), rnaFile.toAbsolutePath()))).get(0);

        ProteinChain protein = input.proteinChains().get(0);
        assertThat(protein.unpairedMsa()).isEqualTo(unpaired);
        assertThat(protein.pairedMsa()).isEqualTo(paired);
        assertThat(protein.templates().get(0).mmcif()).isEqualTo(mmcif);
        assertThat(input.rnaChains().get(0).unpairedMsa()).isEqualTo(rnaMsa);
        assertThat(input.toJson()).doesNotContain("Path\"").contains("\"unpairedMsa\": \">query\\nDEEPMIND\"");
    }

    @Test
    void compressedTextGetsUniversalNewlinesLikePythonTextMode() throws IOException {
        Files.write(dir.resolve("crlf.a3m.gz"), gzip(">query\r\nDEEP\r\n".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve("crlf.a3m"), ">query\r\nDEEP\r\n");
        assertThat(TextFiles.read(dir.resolve("crlf.a3m.gz"))).isEqualTo(">query\nDEEP\n");
        assertThat(TextFiles.read(dir.resolve("crlf.a3m"))).isEqualTo(">query\r\nDEEP\r\n");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void relativePathsResolveAgainstTheJsonFile() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("job"));
        Files.writeString(sub.resolve("unpaired_msa.a3m"), ">query\nDEEPMIND");
        Path json = sub.resolve("input.json");
        Files.writeString(json, af3("""
                [{"protein": {"id": "A", "sequence": "DEEPMIND", "unpairedMsaPath": "unpaired_msa.a3m"}}]"""));
        assertThat(loader.load(json).get(0).proteinChains().get(0).unpairedMsa()).isEqualTo(">query\nDEEPMIND");
    }

    @Test
    void missingReferencedFileIsReportedWithItsField() throws IOException {
        Path file = write("input.json", af3("""
                [{"protein": {"id": "A", "sequence": "DEEP", "pairedMsaPath": "nowhere.a3m"}}]"""));
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": $.sequences[0].protein.pairedMsaPath: Cannot read "
                        + dir.resolve("nowhere.a3m"));
    }

    static Stream<Arguments> inlineAndPathConflicts() {
        String base = """
                [{"protein": {"id": "A", "sequence": "DEEPMIND", "unpairedMsa": ">query\\nDEEPMIND",
                   "pairedMsa": ">query\\nDEEPMIND", %s
                   "templates": [{"mmcif": "data_TEST", %s "queryIndices": [0], "templateIndices": [0]}]}},
                 {"rna": {"id": "B", "sequence": "GGG", "unpairedMsa": ">query\\nGGG" %s}}]""";
        return Stream.of(
                Arguments.of(base.formatted("\"unpairedMsaPath\": \"u.a3m\",", "", ""),
                        "$.sequences[0].protein.unpairedMsa", "Only one of unpairedMsa/unpairedMsaPath can be set."),
                Arguments.of(base.formatted("\"pairedMsaPath\": \"p.a3m\",", "", ""),
                        "$.sequences[0].protein.pairedMsa", "Only one of pairedMsa/pairedMsaPath can be set."),
                Arguments.of(base.formatted("", "\"mmcifPath\": \"t.cif\",", ""),
                        "$.sequences[0].protein.templates[0].mmcif", "Only one of mmcif/mmcifPath can be set."),
                Arguments.of(base.formatted("", "", ", \"unpairedMsaPath\": \"u.a3m\""),
                        "$.sequences[1].rna.unpairedMsa", "Only one of unpairedMsa/unpairedMsaPath can be set."));
    }

    @ParameterizedTest
    @MethodSource("inlineAndPathConflicts")
    void inlineValueAndPathTogetherAreRejected(String sequences, String path, String reason) throws IOException {
        assertFails(af3(sequences), path, reason);
    }

    @Test
    void inlineValueThatNamesAFileIsRejected() throws IOException {
        Path msa = write("msa.a3m", ">query\nDEEP");
        assertFails(af3("""
                [{"protein": {"id": "A", "sequence": "DEEP", "unpairedMsa": "%s"}}]""".formatted(msa)),
                "$.sequences[0].protein.unpairedMsa",
                "Set the unpaired MSA path using the \"unpairedMsaPath\" field.");
    }

    @Test
    void emptyInlineValueWithAPathTakesThePath() throws IOException {
        write("u.a3m", ">query\nDEEP");
        FoldInput input = load(af3("""
                [{"protein": {"id": "A", "sequence": "DEEP", "unpairedMsa": "", "unpairedMsaPath": "u.a3m"}}]"""))
                .get(0);
        assertThat(input.proteinChains().get(0).unpairedMsa()).isEqualTo(">query\nDEEP");
    }

    @Test
    void messagesStayOnOneLineEvenWhenTheValueHasNewlines() throws IOException {
        assertFails(af3("[{\"protein\": {\"id\": \"A\", \"sequence\": \"AB\\nC\"}}]"),
                "$.sequences[0].protein.sequence", "Protein must contain only letters, got \"AB\\nC\"");
    }

    @Test
    void cloudPathsAndBadTextAreReported() throws IOException {
        assertFails(af3("""
                [{"protein": {"id": "A", "sequence": "DEEP", "unpairedMsaPath": "gs://bucket/u.a3m"}}]"""),
                "$.sequences[0].protein.unpairedMsaPath",
                "Google Cloud Storage paths are not supported: gs://bucket/u.a3m");
        Files.write(dir.resolve("latin1.a3m"), new byte[] {'>', 'q', '\n', (byte) 0xe9});
        Path file = write("input.json", af3("""
                [{"protein": {"id": "A", "sequence": "DEEP", "unpairedMsaPath": "latin1.a3m"}}]"""));
        assertThatThrownBy(() -> loader.load(file))
                .hasMessageStartingWith(file + ": $.sequences[0].protein.unpairedMsaPath: Cannot read ")
                .hasMessageEndingWith("not valid UTF-8 text");
    }

    // ------------------------------------------------------------------ templates

    @Test
    void templateIndicesNullIsAnEmptyMap() throws IOException {
        FoldInput input = load(af3("""
                [{"protein": {"id": "A", "sequence": "DEEP", "unpairedMsa": "", "pairedMsa": "",
                  "templates": [{"mmcif": "irrelevant", "queryIndices": [], "templateIndices": null}]}}]"""))
                .get(0);
        assertThat(input.proteinChains().get(0).templates()).containsExactly(Template.of("irrelevant", Map.of()));
    }

    @Test
    void repeatedQueryIndexBehavesLikeAPythonDict() throws IOException {
        FoldInput input = load(af3("""
                [{"protein": {"id": "A", "sequence": "DEEP",
                  "templates": [{"mmcif": "x", "queryIndices": [2, 0, 2], "templateIndices": [5, 6, 7]}]}}]"""))
                .get(0);
        assertThat(input.proteinChains().get(0).templates().get(0).queryToTemplateMap())
                .containsExactly(Map.entry(2, 7), Map.entry(0, 6));
    }

    static Stream<Arguments> badTemplates() {
        return Stream.of(
                Arguments.of("\"queryIndices\": [-1, 1], \"templateIndices\": [0, 1]",
                        "$.sequences[0].protein.templates[0].queryIndices[0]",
                        "Query residue index -1 at position 1 is negative."),
                Arguments.of("\"queryIndices\": [0, -5], \"templateIndices\": [0, 1]",
                        "$.sequences[0].protein.templates[0].queryIndices[1]",
                        "Query residue index -5 at position 2 is negative."),
                Arguments.of("\"queryIndices\": [0, 1], \"templateIndices\": [0, -3]",
                        "$.sequences[0].protein.templates[0].templateIndices[1]",
                        "Template residue index -3 at position 2 is negative."),
                Arguments.of("\"queryIndices\": [0, 6], \"templateIndices\": [0, 1]",
                        "$.sequences[0].protein.templates[0].queryIndices[1]",
                        "Query residue index 6 at position 2 is greater than the query sequence length 4 for"
                                + " template 1."),
                Arguments.of("\"queryIndices\": [0, 1], \"templateIndices\": [0]",
                        "$.sequences[0].protein.templates[0]",
                        "queryIndices and templateIndices must have the same length, got 2 and 1."),
                Arguments.of("\"templateIndices\": [0]",
                        "$.sequences[0].protein.templates[0]", "Missing required field `queryIndices`."),
                Arguments.of("\"queryIndices\": [0], \"templateIndices\": [0], \"extra\": 1, \"another\": 2",
                        "$.sequences[0].protein.templates[0]", "Unexpected JSON keys in: another, extra"));
    }

    @ParameterizedTest
    @MethodSource("badTemplates")
    void badTemplatesAreRejected(String fields, String path, String reason) throws IOException {
        assertFails(af3("""
                [{"protein": {"id": "A", "sequence": "ABCD",
                  "templates": [{"mmcif": "tst", %s}]}}]""".formatted(fields)), path, reason);
    }

    @Test
    void secondTemplateTooLongNamesTemplateTwo() throws IOException {
        assertFails(af3("""
                [{"protein": {"id": "A", "sequence": "ABCD", "templates": [
                   {"mmcif": "tst", "queryIndices": [0, 3], "templateIndices": [0, 1]},
                   {"mmcif": "tst", "queryIndices": [1, 10], "templateIndices": [0, 2]}]}}]"""),
                "$.sequences[0].protein.templates[1].queryIndices[1]",
                "Query residue index 10 at position 2 is greater than the query sequence length 4 for template 2.");
    }

    @Test
    void templatesMustBeAList() throws IOException {
        assertFails(af3("""
                [{"protein": {"id": "A", "sequence": "ABCD", "templates": {"mmcif": "x"}}}]"""),
                "$.sequences[0].protein.templates", "Templates must be a list, got <class 'dict'>");
    }

    @Test
    void emptyTemplateMmcifIsRejected() throws IOException {
        assertFails(af3("""
                [{"protein": {"id": "A", "sequence": "ABCD",
                  "templates": [{"mmcif": "", "queryIndices": [], "templateIndices": []}]}}]"""),
                "$.sequences[0].protein.templates[0].mmcif", "The template mmCIF must be a non-empty string.");
    }

    // ------------------------------------------------------------------ top level, ids, entities

    static Stream<Arguments> dialectAndVersionErrors() {
        String seq = "\"sequences\": [{\"ligand\": {\"id\": \"F\", \"ccdCodes\": [\"ATP\"]}}], \"modelSeeds\": [1]";
        return Stream.of(
                Arguments.of("{\"name\": \"t\", " + seq + ", \"dialect\": \"alphafold\", \"version\": 4}",
                        "$.dialect", "AlphaFold 3 input JSON has unsupported dialect: alphafold, expected alphafold3."),
                Arguments.of("{\"name\": \"t\", " + seq + ", \"dialect\": \"alphafold3\", \"version\": 50}",
                        "$.version",
                        "AlphaFold 3 input JSON has unsupported version: 50, expected one of (1, 2, 3, 4)."),
                Arguments.of("{\"name\": \"t\", " + seq + ", \"version\": 4}",
                        "$", "AlphaFold 3 input JSON must contain `dialect` and `version` fields."),
                Arguments.of("{\"name\": \"t\", " + seq + ", \"dialect\": \"alphafold3\"}",
                        "$", "AlphaFold 3 input JSON must contain `dialect` and `version` fields."),
                Arguments.of("{\"name\": \"t\", \"modelSeeds\": [1], \"dialect\": \"alphafold3\", \"version\": 4}",
                        "$", "AlphaFold 3 input JSON does not contain any sequences."),
                Arguments.of("{\"name\": \"t\", " + seq + ", \"dialect\": \"alphafold3\", \"version\": 4, "
                        + "\"seeds\": 1, \"extra\": 2}", "$", "Unexpected JSON keys in: extra, seeds"));
    }

    @ParameterizedTest
    @MethodSource("dialectAndVersionErrors")
    void dialectAndVersionAreChecked(String json, String path, String reason) throws IOException {
        assertFails(json, path, reason);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void everyVersionIsAcceptedAndAnyFieldMayBeUsed(int version) throws IOException {
        FoldInput input = load("""
                {"dialect": "alphafold3", "version": %d, "name": "v", "modelSeeds": [3],
                 "sequences": [{"dna": {"id": "A", "sequence": "ACGT", "description": "four"}}]}"""
                .formatted(version)).get(0);
        assertThat(input.dnaChains().get(0).description()).isEqualTo("four");
    }

    @Test
    void seedsAreRequired() throws IOException {
        assertFails("""
                {"dialect": "alphafold3", "version": 4, "name": "t", "modelSeeds": [],
                 "sequences": [{"ligand": {"id": "G", "ccdCodes": ["HEM"]}}]}""",
                "$.modelSeeds", "AlphaFold 3 input JSON must specify at least one rng seed in `modelSeeds`.");
    }

    @Test
    void seedsMustBe32BitUnsigned() throws IOException {
        assertFails("""
                {"dialect": "alphafold3", "version": 4, "name": "t", "modelSeeds": [1, 4294967296],
                 "sequences": [{"ligand": {"id": "G", "ccdCodes": ["HEM"]}}]}""",
                "$.modelSeeds[1]", "RNG seeds must be 32-bit unsigned integers, got [1, 4294967296]");
    }

    @Test
    void seedStringsPassThroughInt() throws IOException {
        FoldInput input = load("""
                {"dialect": "alphafold3", "version": 4, "name": "t", "modelSeeds": ["42", 4294967295],
                 "sequences": [{"ligand": {"id": "G", "ccdCodes": ["HEM"]}}]}""").get(0);
        assertThat(input.modelSeeds()).containsExactly(42L, 4294967295L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ř*"})
    void invalidNamesAreRejected(String name) throws IOException {
        assertFails("""
                {"dialect": "alphafold3", "version": 4, "name": "%s", "modelSeeds": [1],
                 "sequences": [{"ligand": {"id": "F", "ccdCodes": ["ATP"]}}]}""".formatted(name), "$.name",
                FoldInput.INVALID_NAME);
    }

    @Test
    void missingNameIsReported() throws IOException {
        assertFails("""
                {"dialect": "alphafold3", "version": 4, "modelSeeds": [1],
                 "sequences": [{"ligand": {"id": "F", "ccdCodes": ["ATP"]}}]}""", "$",
                "Missing required field `name`.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Aa", "aA", "éA", "Ａ", "A1", "a"})
    void chainIdsMustBeUpperCaseLetters(String id) throws IOException {
        assertFails(af3("[{\"protein\": {\"id\": \"%s\", \"sequence\": \"ACD\"}}]".formatted(id)),
                "$.sequences[0].protein.id", "IDs must be upper case letters, got: ['" + id + "']");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "AA", "BA", "XYZ"})
    void upperCaseChainIdsAreAccepted(String id) throws IOException {
        assertThat(load(af3("[{\"protein\": {\"id\": \"%s\", \"sequence\": \"ACD\"}}]".formatted(id)))
                .get(0).chains().get(0).id()).isEqualTo(id);
    }

    @Test
    void emptyChainIdIsAnUnsetId() throws IOException {
        assertFails(af3("[{\"protein\": {\"id\": \"\", \"sequence\": \"ACD\"}}]"),
                "$.sequences[0].protein.id", "AlphaFold 3 input JSON contains sequences with unset IDs.");
    }

    @Test
    void someChainIdsMissing() throws IOException {
        String json = Files.readString(PARSING.resolve("fold_job_one.json")).replace("\"id\": \"A\",", "");
        assertFails(json, "$.sequences[0].protein.id", "AlphaFold 3 input JSON contains sequences with unset IDs.");
    }

    @Test
    void duplicateChainIds() throws IOException {
        assertFails(af3("""
                [{"protein": {"id": ["A", "B"], "sequence": "ACD"}}, {"dna": {"id": "A", "sequence": "AC"}}]"""),
                "$.sequences[1].dna.id", "Input JSON contains sequences with duplicate IDs.");
    }

    @Test
    void bondsAreCheckedBeforeDuplicateIdsAsInAlphaFold3() throws IOException {
        Files.copy(PARSING.resolve("test_template.mmcif"), dir.resolve("test_template.mmcif"));
        String json = Files.readString(PARSING.resolve("fold_job_one.json"))
                .replace("\"id\": \"A\",", "\"id\": \"AA\",");
        assertFails(json, "$.bondedAtomPairs[0]", "Invalid chain ID(s) in bond [['A', 1, 'CA'], ['AA', 1, 'CA']]");
    }

    @Test
    void idListsExpandInOrder() throws IOException {
        FoldInput input = load(af3("""
                [{"protein": {"id": ["C", "A"], "sequence": "ACD"}}, {"dna": {"id": "B", "sequence": "AC"}}]"""))
                .get(0);
        assertThat(input.chains()).containsExactly(ProteinChain.of("C", "ACD"), ProteinChain.of("A", "ACD"),
                DnaChain.of("B", "AC"));
    }

    @Test
    void rnaPairedMsaIsUnsupported() throws IOException {
        assertFails(af3("[{\"rna\": {\"id\": \"A\", \"sequence\": \"GG\", \"pairedMsa\": \">seq 1\\nGG\"}}]"),
                "$.sequences[0].rna", "Unexpected JSON keys in: pairedMsa");
    }

    @Test
    void entryWithTwoTypes() throws IOException {
        assertFails(af3("""
                [{"protein": {"id": "A", "sequence": "AC"}, "dna": {"id": "B", "sequence": "AC"}}]"""),
                "$.sequences[0]", "Chain ['A'] has more than 1 sequence.");
    }

    @Test
    void unknownSequenceType() throws IOException {
        assertFails(af3("[{\"peptide\": {\"id\": \"A\", \"sequence\": \"AC\"}}]"),
                "$.sequences[0]", "Unknown sequence type: 'peptide' (expected protein, rna, dna or ligand).");
    }

    @Test
    void sequenceLettersOnly() throws IOException {
        assertFails(af3("[{\"protein\": {\"id\": \"A\", \"sequence\": \"AC-D\"}}]"),
                "$.sequences[0].protein.sequence", "Protein must contain only letters, got \"AC-D\"");
        assertFails(af3("[{\"rna\": {\"id\": \"A\", \"sequence\": \"AC1\"}}]"),
                "$.sequences[0].rna.sequence", "RNA must contain only letters, got \"AC1\"");
        assertFails(af3("[{\"dna\": {\"id\": \"A\", \"sequence\": \"A C\"}}]"),
                "$.sequences[0].dna.sequence", "DNA must contain only letters, got \"A C\"");
    }

    @Test
    void modificationIndexAndPrefix() throws IOException {
        assertFails(af3("""
                [{"protein": {"id": "A", "sequence": "ACD", "modifications": [
                   {"ptmType": "HY3", "ptmPosition": 1}, {"ptmType": "SEP", "ptmPosition": 4}]}}]"""),
                "$.sequences[0].protein.modifications[1].ptmPosition",
                "Invalid protein modification index: [('HY3', 1), ('SEP', 4)]");
        assertFails(af3("""
                [{"dna": {"id": "A", "sequence": "ACG", "modifications": [
                   {"modificationType": "CCD_6OG", "basePosition": 1}]}}]"""),
                "$.sequences[0].dna.modifications[0].modificationType",
                "DNA modifications must not contain the \"CCD_\" prefix, got [('CCD_6OG', 1)]");
        assertFails(af3("""
                [{"rna": {"id": "A", "sequence": "ACG", "modifications": [
                   {"modificationType": "2MG", "basePosition": "1"}]}}]"""),
                "$.sequences[0].rna.modifications[0].basePosition", "Expected an integer, got str: 1");
    }

    @Test
    void invalidSmiles() throws IOException {
        Path file = write("input.json", af3("[{\"ligand\": {\"id\": \"A\", \"smiles\": \"invalid_smiles\"}}]"));
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": $.sequences[0].ligand.smiles: "
                        + "Unable to make RDKit Mol from SMILES: invalid_smiles (");
    }

    @Test
    void ccdCodesMustBeAList() throws IOException {
        assertFails(af3("[{\"ligand\": {\"id\": \"G\", \"ccdCodes\": \"HEM\"}}]"),
                "$.sequences[0].ligand.ccdCodes", "CCD codes must be a list of strings, got str instead: HEM");
    }

    @Test
    void ccdCodesAndSmilesTogether() throws IOException {
        assertFails(af3("[{\"ligand\": {\"id\": \"G\", \"ccdCodes\": [\"HEM\"], \"smiles\": \"O=O\"}}]"),
                "$.sequences[0].ligand", "Ligand cannot have both CCD code and SMILES set at the same time, "
                        + "got CCD: ['HEM'] and SMILES: O=O");
    }

    @Test
    void ligandNeedsCcdCodesOrSmiles() throws IOException {
        assertFails(af3("[{\"ligand\": {\"id\": \"G\", \"description\": \"nothing\"}}]"),
                "$.sequences[0].ligand", "Unknown ligand type: set `ccdCodes` or `smiles`.");
    }

    @Test
    void noChains() throws IOException {
        assertFails(af3("[]"), "$.sequences", "Fold input has no chains.");
    }

    @Test
    void brokenJsonNamesLineAndColumn() throws IOException {
        Path file = write("input.json", "{\"name\": \"x\",\n \"sequences\": [}");
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ": $: Invalid JSON: ")
                .hasMessageContaining("(line 2, column ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    // ------------------------------------------------------------------ bonds

    private static String bondsJson(String bonds, String secondLigand) {
        return """
                {"dialect": "alphafold3", "version": 4, "name": "test_input", "modelSeeds": [4, 2],
                 "bondedAtomPairs": %s,
                 "sequences": [{"ligand": {"id": "F", "ccdCodes": ["ATP"]}}, {"ligand": %s}]}"""
                .formatted(bonds, secondLigand);
    }

    static Stream<Arguments> badBonds() {
        String hem = "{\"id\": \"G\", \"ccdCodes\": [\"HEM\"]}";
        return Stream.of(
                Arguments.of(bondsJson("[[[\"A\", 1, \"C4\"], [\"G\", 1, \"CHA\"]]]", hem), "$.bondedAtomPairs[0]",
                        "Invalid chain ID(s) in bond [['A', 1, 'C4'], ['G', 1, 'CHA']]"),
                Arguments.of(bondsJson("[[[\"F\", 1, \"C4\"], [\"G\", 2, \"CHA\"]]]", hem), "$.bondedAtomPairs[0]",
                        "Invalid residue ID(s) in bond [['F', 1, 'C4'], ['G', 2, 'CHA']]"),
                Arguments.of(bondsJson("[[[\"F\", 1, \"C4\"], [\"F\", 1, \"CHA\"]], [[\"F\", 1, \"C4\"], "
                                + "[\"F\", 1, \"CHA\"]]]", hem), "$.bondedAtomPairs[1]",
                        "Bonds are not unique: [(('F', 1, 'C4'), ('F', 1, 'CHA')), (('F', 1, 'C4'), ('F', 1, 'CHA'))]"),
                Arguments.of(bondsJson("[[[\"F\", \"ATP\", \"C4\"], [\"G\", \"HEM\", \"CHA\"]]]", hem),
                        "$.bondedAtomPairs[0][0]", "Atom ['F', 'ATP', 'C4'] in bond [['F', 'ATP', 'C4'], "
                                + "['G', 'HEM', 'CHA']] must have 3 components: (chain_id: str, res_id: int, "
                                + "atom_name: str)."),
                Arguments.of(bondsJson("[[[\"F\", 1, \"C4\"]]]", hem), "$.bondedAtomPairs[0]",
                        "Bond [['F', 1, 'C4']] must have 2 atoms, got 1."),
                Arguments.of(bondsJson("[[[\"F\", 1, \"C4\"], [\"G\", 1, \"CHA\"]]]",
                        "{\"id\": \"G\", \"smiles\": \"C=C\"}"), "$.bondedAtomPairs[0]",
                        "Bond [['F', 1, 'C4'], ['G', 1, 'CHA']] involves an unsupported SMILES ligand G"));
    }

    @ParameterizedTest
    @MethodSource("badBonds")
    void badBondsAreRejected(String json, String path, String reason) throws IOException {
        assertFails(json, path, reason);
    }

    @Test
    void bondsWithUnsetChainIds() throws IOException {
        assertFails("""
                {"dialect": "alphafold3", "version": 4, "name": "test_input", "modelSeeds": [4, 2],
                 "bondedAtomPairs": [[["F", 1, "C4"], ["G", 1, "CHA"]]],
                 "sequences": [{"ligand": {"ccdCodes": ["ATP"]}}, {"ligand": {"ccdCodes": ["HEM"]}}]}""",
                "$.sequences[0].ligand.id", "AlphaFold 3 input JSON contains sequences with unset IDs.");
    }

    @Test
    void emptyBondListMeansNoBonds() throws IOException {
        assertThat(load(bondsJson("[]", "{\"id\": \"G\", \"ccdCodes\": [\"HEM\"]}")).get(0).bondedAtomPairs())
                .isEmpty();
    }

    // ------------------------------------------------------------------ user CCD

    @Test
    void userCcdSingleAndMultipleComponents() throws IOException {
        String arg = Files.readString(PARSING.resolve("ccd_ARG.cif"));
        String gly = Files.readString(PARSING.resolve("ccd_GLY.cif"));
        for (String ccd : List.of(arg, arg + gly)) {
            FoldInput expected = new FoldInput("Test Fold Job Number One", List.of(10L),
                    List.of(ProteinChain.of("A", "RRR")), List.of(), ccd);
            assertThat(loader.parse(expected.toJson(), dir.resolve("x.json"))).containsExactly(expected);
        }
    }

    @Test
    void userCcdPath() throws IOException {
        Path ccd = Files.copy(PARSING.resolve("ccd_ARG.cif"), dir.resolve("user_ccd.cif"));
        FoldInput input = load("""
                {"dialect": "alphafold3", "version": 4, "name": "t", "modelSeeds": [10],
                 "sequences": [{"protein": {"id": "A", "sequence": "RRR"}}], "userCCDPath": "%s"}"""
                .formatted(ccd)).get(0);
        assertThat(input.userCcd()).isEqualTo(Files.readString(ccd));
    }

    @Test
    void userCcdMissingKeys() throws IOException {
        String arg = Files.readString(PARSING.resolve("ccd_ARG.cif"));
        String bad = arg.replace("_chem_comp_atom.pdbx_model_Cartn_x_ideal", "_chem_comp_atom.something_else");
        String gly = Files.readString(PARSING.resolve("ccd_GLY.cif"));
        String json = new FoldInput("t", List.of(10L), List.of(ProteinChain.of("A", "P")), List.of(), gly).toJson()
                .replace(PythonJson.dumps(gly), PythonJson.dumps(bad + gly));
        assertFails(json, "$.userCCD",
                "Component ARG in the user-defined CCD is missing these keys: "
                        + "{'_chem_comp_atom.pdbx_model_Cartn_x_ideal'}");
    }

    @Test
    void userCcdAndPathTogether() throws IOException {
        assertFails("""
                {"dialect": "alphafold3", "version": 4, "name": "t", "modelSeeds": [10],
                 "sequences": [{"protein": {"id": "A", "sequence": "RRR"}}], "userCCD": "data_X",
                 "userCCDPath": "x.cif"}""", "$.userCCD", "Only one of userCCD/userCCDPath can be set.");
    }

    // ------------------------------------------------------------------ alphafoldserver dialect

    @Test
    void serverJobConversion() throws IOException {
        List<FoldInput> inputs = load("""
                [{"name": "test 1", "modelSeeds": ["2", "3"], "sequences": [
                  {"proteinChain": {"sequence": "PREACHER", "modifications": [
                      {"ptmType": "CCD_HY3", "ptmPosition": 1}, {"ptmType": "CCD_P1L", "ptmPosition": 5}],
                   "count": 2}},
                  {"rnaSequence": {"sequence": "GUAC", "count": 1}},
                  {"rnaSequence": {"sequence": "AGCU", "modifications": [
                      {"modificationType": "CCD_2MG", "basePosition": 1},
                      {"modificationType": "CCD_5MC", "basePosition": 4}], "count": 1}},
                  {"dnaSequence": {"sequence": "TGTAATC", "count": 1}},
                  {"ligand": {"ligand": "CCD_ATP", "count": 1}},
                  {"ligand": {"ligand": "CCD_HEM", "count": 2}},
                  {"ion": {"ion": "NA", "count": 3}}]}]""");
        List<Modification> ptms = List.of(new Modification("HY3", 1), new Modification("P1L", 5));
        assertThat(inputs).containsExactly(FoldInput.of("test 1", List.of(2L, 3L), List.of(
                new ProteinChain("A", "PREACHER", ptms, null, null, null, null),
                new ProteinChain("B", "PREACHER", ptms, null, null, null, null),
                RnaChain.of("C", "GUAC"),
                new RnaChain("D", "AGCU", List.of(new Modification("2MG", 1), new Modification("5MC", 4)), null, null),
                DnaChain.of("E", "TGTAATC"),
                Ligand.ofCcd("F", "ATP"), Ligand.ofCcd("G", "HEM"), Ligand.ofCcd("H", "HEM"),
                Ligand.ofCcd("I", "NA"), Ligand.ofCcd("J", "NA"), Ligand.ofCcd("K", "NA"))));
    }

    @Test
    void serverUseStructureTemplate() throws IOException {
        FoldInput input = load("""
                [{"name": "test 1", "modelSeeds": ["2"], "sequences": [
                  {"proteinChain": {"sequence": "AA", "useStructureTemplate": true}},
                  {"proteinChain": {"sequence": "BB", "useStructureTemplate": false}}]}]""").get(0);
        assertThat(input.proteinChains().get(0).templates()).isNull();
        assertThat(input.proteinChains().get(1).templates()).isEmpty();
    }

    @Test
    void serverIdsRunPastZ() throws IOException {
        FoldInput input = load("""
                [{"name": "many", "modelSeeds": [1], "sequences": [{"ion": {"ion": "MG", "count": 30}}]}]""")
                .get(0);
        assertThat(input.chains()).extracting(Chain::id).startsWith("A", "B").contains("Z", "AA", "BA")
                .endsWith("DA");
    }

    static Stream<Arguments> serverErrors() {
        String seqs = "\"sequences\": [{\"proteinChain\": {\"sequence\": \"TEACHINGS\", \"count\": 1}}]";
        return Stream.of(
                Arguments.of("[{\"name\": \"t\", \"modelSeeds\": [\"4\"], \"sequences\": [{\"proteinChain\": "
                                + "{\"sequence\": \"PREACHER\", \"glycans\": [{\"residues\": \"NAG\", \"position\": 8}],"
                                + " \"count\": 2}}]}]", "$[0].sequences[0].proteinChain.glycans",
                        "Specifying glycans in the `alphafoldserver` format is not supported."),
                Arguments.of("[{\"name\": \"t\", \"modelSeeds\": [\"4\"], \"sequences\": [{\"proteinChain\": "
                                + "{\"sequence\": \"AAA\", \"maxTemplateDate\": \"2024-08-01\"}}]}]",
                        "$[0].sequences[0].proteinChain.maxTemplateDate", "Specifying maxTemplateDate in the"
                                + " `alphafoldserver` format is not supported, use the --max_template_date flag"
                                + " instead."),
                Arguments.of("[{\"name\": \"t\", \"modelSeeds\": [], " + seqs
                                + ", \"dialect\": \"alphafold3server\", \"version\": 1}]", "$[0].dialect",
                        "AlphaFold Server input JSON has unsupported dialect: alphafold3server, expected "
                                + "alphafoldserver."),
                Arguments.of("[{\"name\": \"t\", \"modelSeeds\": [], " + seqs
                                + ", \"dialect\": \"alphafoldserver\", \"version\": 2}]", "$[0].version",
                        "AlphaFold Server input JSON has unsupported version: 2, expected 1."),
                Arguments.of("[{\"name\": \"t\", \"modelSeeds\": [], " + seqs + ", \"dialect\": \"alphafoldserver\"}]",
                        "$[0]", "AlphaFold Server input JSON must either contain both `dialect` and `version` "
                                + "fields, or neither. If neither is specified, it is assumed that "
                                + "`dialect=\"alphafoldserver\"` and `version=\"1\"`."),
                Arguments.of("[{\"name\": \"t\", \"modelSeeds\": [], " + seqs + ", \"version\": 7}]",
                        "$[0]", "AlphaFold Server input JSON must either contain both `dialect` and `version` "
                                + "fields, or neither. If neither is specified, it is assumed that "
                                + "`dialect=\"alphafoldserver\"` and `version=\"1\"`."));
    }

    @ParameterizedTest
    @MethodSource("serverErrors")
    void serverDialectErrors(String json, String path, String reason) throws IOException {
        assertFails(json, path, reason);
    }

    @Test
    void serverObjectNotInAListIsParsedAsAlphaFold3AndFails() throws IOException {
        assertFails("""
                {"name": "test0", "modelSeeds": [], "dialect": "alphafoldserver", "version": 1,
                 "sequences": [{"proteinChain": {"sequence": "TEACHINGS", "count": 1}}]}""",
                "$.dialect", "AlphaFold 3 input JSON has unsupported dialect: alphafoldserver, expected alphafold3.");
    }

    @Test
    void alphaFold3ObjectInAListIsParsedAsServerAndFails() throws IOException {
        assertFails("""
                [{"name": "test_input", "modelSeeds": [1, 2, 3], "dialect": "alphafold3", "version": 4,
                  "sequences": [{"ligand": {"id": "F", "ccdCodes": ["ATP"]}}]}]""",
                "$[0].dialect",
                "AlphaFold Server input JSON has unsupported dialect: alphafold3, expected alphafoldserver.");
    }

    @Test
    void serverJobWithoutSeedsDrawsOneUniformly32Bit() throws IOException {
        String job = """
                [{"name": "test_input", "modelSeeds": [], "dialect": "alphafoldserver", "version": 1,
                  "sequences": [{"proteinChain": {"sequence": "TEACHINGS", "count": 1}}]}]""";
        long expected = new Random(99).nextLong(FoldInput.MAX_SEED + 1);
        FoldInput input = new FoldInputLoader(new Random(99)).load(write("server.json", job)).get(0);
        assertThat(input.modelSeeds()).containsExactly(expected);

        FoldInputLoader unseeded = new FoldInputLoader();
        Path file = write("server2.json", job);
        List<Long> seeds = Stream.generate(() -> unseeded.load(file).get(0).modelSeeds().get(0)).limit(50).toList();
        assertThat(seeds).allSatisfy(s -> assertThat(s).isBetween(0L, FoldInput.MAX_SEED));
        assertThat(seeds.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void serverJobWithSeedsKeepsThem() throws IOException {
        assertThat(load("""
                [{"name": "test_input", "modelSeeds": [1, 2, 3], "sequences": [
                  {"ligand": {"ligand": "CCD_ATP", "count": 1}}]}]""")).containsExactly(
                FoldInput.of("test_input", List.of(1L, 2L, 3L), List.of(Ligand.ofCcd("A", "ATP"))));
    }

    // ------------------------------------------------------------------ directories

    @Test
    void loadsADirectorySortedByNameSkippingOtherFiles() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("test1.json"), """
                {"name": "test_input", "modelSeeds": [1, 2, 3], "dialect": "alphafold3", "version": 4,
                 "sequences": [{"ligand": {"id": "F", "ccdCodes": ["ATP"]}}]}""");
        Files.writeString(inputs.resolve("test0.json"), """
                [{"name": "test0", "modelSeeds": [5], "sequences": [
                   {"proteinChain": {"sequence": "TEACHINGS", "count": 1}}]},
                 {"name": "test1", "modelSeeds": [6], "sequences": [
                   {"proteinChain": {"sequence": "PREACHINGS", "count": 1}}]}]""");
        Files.writeString(inputs.resolve("ignored_file.txt"), "{\"ignored_job\": \"ignored\"}");
        Files.createDirectories(inputs.resolve("dir.json"));

        List<FoldInput> loaded = loader.loadAll(List.of(inputs));
        assertThat(loaded).containsExactly(
                FoldInput.of("test0", List.of(5L), List.of(ProteinChain.of("A", "TEACHINGS"))),
                FoldInput.of("test1", List.of(6L), List.of(ProteinChain.of("A", "PREACHINGS"))),
                FoldInput.of("test_input", List.of(1L, 2L, 3L), List.of(Ligand.ofCcd("F", "ATP"))));
    }

    @Test
    void missingFileIsAnInputException() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> loader.loadAll(List.of(missing)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(missing + ": $: Cannot read input file: no such file");
    }
}
