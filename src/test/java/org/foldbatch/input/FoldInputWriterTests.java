package org.foldbatch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FoldInputWriterTests {

    private static final Path PARSING = Path.of("samples/inputs/parsing");
    private final FoldInputLoader loader = new FoldInputLoader(new Random(3));

    @ParameterizedTest
    @ValueSource(strings = {"fold_job_one", "escapes"})
    void writesTheBytesPythonJsonDumpsWrites(String stem) throws IOException {
        FoldInput input = loader.load(PARSING.resolve(stem + ".json")).get(0);
        String golden = Files.readString(PARSING.resolve(stem + "_data.json"));
        assertThat(FoldInputWriter.toJson(input)).isEqualTo(golden);
    }

    @Test
    void writesAFileThatLoadsBack(@org.junit.jupiter.api.io.TempDir Path dir) {
        FoldInput input = loader.load(PARSING.resolve("escapes.json")).get(0);
        Path file = dir.resolve(input.sanitisedName() + "_data.json");
        FoldInputWriter.write(input, file);
        assertThat(loader.load(file)).containsExactly(input);
    }

    @Test
    void roundTripsWithAndWithoutFilledFields() {
        FoldInput input = loader.load(PARSING.resolve("fold_job_one.json")).get(0);
        for (FoldInput variant : List.of(input, input.fillMissingFields())) {
            String json = variant.toJson();
            assertThat(loader.parse(json, PARSING.resolve("x.json"))).containsExactly(variant);
            assertThat(json).contains("\"queryIndices\": [0, 1, 2, 4, 5, 6]")
                    .contains("\"templateIndices\": [0, 1, 2, 3, 4, 8]");
        }
    }

    @Test
    void mergesRunsOfIdenticalChainsIntoIdLists() {
        FoldInput input = loader.parse("""
                {"name": "test_input", "modelSeeds": [1337], "dialect": "alphafold3", "version": 3,
                 "bondedAtomPairs": null, "userCCD": null, "sequences": [
                  {"protein": {"id": ["PA", "PB"], "sequence": "RRR"}},
                  {"protein": {"id": "PC", "sequence": "RRR"}},
                  {"rna": {"id": ["RA", "RB"], "sequence": "UUU"}},
                  {"rna": {"id": "RC", "sequence": "UUU"}},
                  {"dna": {"id": ["DA", "DB"], "sequence": "AAA"}},
                  {"dna": {"id": "DC", "sequence": "AAA"}},
                  {"ligand": {"id": ["A", "B"], "ccdCodes": ["GLY"]}},
                  {"ligand": {"id": ["C", "D"], "ccdCodes": ["GLY"]}},
                  {"ligand": {"id": "E", "ccdCodes": ["GLY"]}}]}""", Path.of("dedup.json")).get(0);
        JsonNode written = JsonMapper.shared().readTree(input.toJson());
        JsonNode sequences = written.get("sequences");
        assertThat(sequences.size()).isEqualTo(4);
        assertThat(sequences.get(0).get("protein").get("id").size()).isEqualTo(3);
        assertThat(sequences.get(1).get("rna").get("id").size()).isEqualTo(3);
        assertThat(sequences.get(2).get("dna").get("id").size()).isEqualTo(3);
        assertThat(sequences.get(3).get("ligand").get("id").size()).isEqualTo(5);
    }

    @Test
    void mergedJsonReadsBackToTheSameJson() {
        String json = """
                {
                  "dialect": "alphafold3",
                  "version": 4,
                  "name": "test_input",
                  "sequences": [
                    {
                      "protein": {
                        "id": [
                          "A",
                          "B",
                          "C",
                          "D"
                        ],
                        "sequence": "AAA",
                        "modifications": [],
                        "unpairedMsa": null,
                        "pairedMsa": null,
                        "templates": null
                      }
                    },
                    {
                      "protein": {
                        "id": [
                          "E",
                          "F"
                        ],
                        "sequence": "EEE",
                        "modifications": [],
                        "unpairedMsa": null,
                        "pairedMsa": null,
                        "templates": null
                      }
                    },
                    {
                      "rna": {
                        "id": "G",
                        "sequence": "GGG",
                        "modifications": [],
                        "unpairedMsa": null
                      }
                    }
                  ],
                  "modelSeeds": [
                    1337
                  ],
                  "bondedAtomPairs": null,
                  "userCCD": null
                }""";
        assertThat(loader.parse(json, Path.of("x.json")).get(0).toJson()).isEqualTo(json);
    }

    @Test
    void nonAdjacentCopiesStaySeparateSoChainOrderSurvives() {
        FoldInput input = FoldInput.of("order", List.of(1L), List.of(ProteinChain.of("A", "MKV"),
                DnaChain.of("B", "ACGT"), ProteinChain.of("C", "MKV")));
        String json = input.toJson();
        assertThat(JsonMapper.shared().readTree(json).get("sequences").size()).isEqualTo(3);
        assertThat(loader.parse(json, Path.of("x.json"))).containsExactly(input);
    }

    @Test
    void chainsDifferingInAnyContentAreNotMerged() {
        ProteinChain base = ProteinChain.of("A", "AB");
        List<ProteinChain> variants = List.of(ProteinChain.of("B", "CC"),
                new ProteinChain("B", "AB", List.of(new Modification("HY3", 1)), null, null, null, null),
                base.withId("B").withUnpairedMsa(">query\nAB\n>u1\n-B"),
                base.withId("B").withPairedMsa(">query\nAB\n>p1\n-B"),
                base.withId("B").withTemplates(List.of()),
                base.withId("B").withDescription("other"));
        for (ProteinChain variant : variants) {
            assertThat(base.sameContentAs(variant)).as(variant.toString()).isFalse();
            String json = FoldInput.of("t", List.of(1L), List.of(base, variant)).toJson();
            assertThat(JsonMapper.shared().readTree(json).get("sequences").size()).isEqualTo(2);
        }
        assertThat(base.sameContentAs(base.withId("Q"))).isTrue();
    }

    @Test
    void descriptionsRoundTripAndAreOmittedWhenNull() {
        FoldInput input = FoldInput.of("test_input", List.of(1L), List.of(
                ProteinChain.of("A", "RRR").withDescription("Protein desc"), ProteinChain.of("B", "RRR"),
                RnaChain.of("C", "AU").withDescription("RNA desc"), RnaChain.of("D", "AU"),
                DnaChain.of("E", "AG").withDescription("DNA desc"), DnaChain.of("F", "AG"),
                Ligand.ofCcd("G", "ATP").withDescription("Ligand desc"), Ligand.ofCcd("H", "ATP")));
        String json = input.toJson();
        assertThat(json).contains("Protein desc", "RNA desc", "DNA desc", "Ligand desc");
        assertThat(json.split("\"description\"", -1)).hasSize(5);
        assertThat(loader.parse(json, Path.of("x.json"))).containsExactly(input);
    }

    @Test
    void bondsAndSeedsAreWrittenOneValuePerLine() {
        FoldInput input = new FoldInput("b", List.of(4L, 2L), List.of(Ligand.ofCcd("F", "ATP"),
                Ligand.ofCcd("G", "HEM")), List.of(new BondedAtomPair(new BondAtom("F", 1, "C4"),
                new BondAtom("G", 1, "CHA"))), null);
        assertThat(input.toJson()).endsWith("""
                  "modelSeeds": [
                    4,
                    2
                  ],
                  "bondedAtomPairs": [
                    [
                      [
                        "F",
                        1,
                        "C4"
                      ],
                      [
                        "G",
                        1,
                        "CHA"
                      ]
                    ]
                  ],
                  "userCCD": null
                }""");
    }
}
