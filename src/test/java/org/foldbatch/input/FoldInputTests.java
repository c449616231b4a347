package org.foldbatch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.foldbatch.constants.ResidueNames;

class FoldInputTests {

    private static FoldInput withName(String name) {
        return FoldInput.of(name, List.of(1L), List.of(Ligand.ofCcd("F", "ATP")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Hi1.-_|Hi1.-_", "Hi 1|Hi_1", "Seven(ty)|Seventy"})
    void sanitisedName(String name, String expected) {
        assertThat(withName(name).sanitisedName()).isEqualTo(expected);
    }

    @Test
    void namesWithoutValidCharactersAreRejected() {
        for (String name : List.of("", " ", "ř*")) {
            assertThatThrownBy(() -> withName(name)).hasMessageStartingWith("Input name must be non-empty");
        }
    }

    @Test
    void seedsAreRequiredAndBounded() {
        assertThatThrownBy(() -> FoldInput.of("t", List.of(), List.of(Ligand.ofCcd("F", "ATP"))))
                .hasMessage("Input must have at least one RNG seed.");
        assertThatThrownBy(() -> FoldInput.of("t", List.of(-1L), List.of(Ligand.ofCcd("F", "ATP"))))
                .hasMessage("RNG seeds must be 32-bit unsigned integers, got [-1]");
    }

    @Test
    void proteinCcdSequenceAppliesModifications() {
        ProteinChain chain = new ProteinChain("A", "ABCDEFGHIJ",
                List.of(new Modification("HY3", 1), new Modification("P1L", 5)), null, null, null, null);
        assertThat(chain.ccdSequence())
                .containsExactly("HY3", "UNK", "CYS", "ASP", "P1L", "PHE", "GLY", "HIS", "ILE", "UNK");
    }

    @Test
    void rnaAndDnaCcdSequences() {
        RnaChain rna = new RnaChain("A", "AGCUN", List.of(new Modification("2MG", 2), new Modification("5MC", 4)),
                null, null);
        assertThat(rna.ccdSequence()).containsExactly("A", "2MG", "C", "5MC", "N");
        DnaChain dna = new DnaChain("A", "AGCTN", List.of(new Modification("6OG", 1), new Modification("6MA", 2)),
                null);
        assertThat(dna.ccdSequence()).containsExactly("6OG", "6MA", "DC", "DT", "DN");
    }

    @Test
    void oneLetterSequences() {
        assertThat(new ProteinChain("A", "ABCDEFGHIJ", List.of(new Modification("UNK", 1),
                new Modification("P1L", 5)), null, null, null, null).oneLetterSequence()).isEqualTo("XXCDCFGHIX");
        assertThat(ProteinChain.of("A", "BJOUXZ").oneLetterSequence()).isEqualTo("XXXXXX");
        assertThat(new RnaChain("A", "AGCUNZ", List.of(new Modification("N", 2), new Modification("5MC", 4)),
                null, null).oneLetterSequence()).isEqualTo("ANCCNN");
        assertThat(new DnaChain("A", "AGCTNZ", List.of(new Modification("DN", 1), new Modification("6MA", 2)),
                null).oneLetterSequence()).isEqualTo("NACTNN");
        assertThat(new ProteinChain("A", "PTYSM", List.of(new Modification("HY3", 1), new Modification("TPO", 2),
                new Modification("PTR", 3), new Modification("SEP", 4), new Modification("MSE", 5)), null, null, null,
                null).oneLetterSequence()).isEqualTo("PTYSM");
    }

    @Test
    void oneLetterTableHasAlphaFold3sSize() {
        assertThat(ResidueNames.oneLetterTableSize()).isEqualTo(1248);
        assertThat(ResidueNames.oneLetter("PSU", 'N')).isEqualTo('U');
        assertThat(ResidueNames.oneLetter("NOT_A_CODE", 'X')).isEqualTo('X');
    }

    @Test
    void pipelineResultsRebuildTheChainFromItsOneLetterSequence() {
        ProteinChain chain = new ProteinChain("A", "ABCZ", List.of(new Modification("SEP", 1)), "d", null, null,
                null);
        ProteinChain processed = chain.withPipelineResults(">query\nSXCX", "", List.of());
        assertThat(processed.sequence()).isEqualTo("SXCX");
        assertThat(processed.ccdSequence()).isEqualTo(List.of("SEP", "UNK", "CYS", "UNK"));
        assertThat(processed.unpairedMsa()).isEqualTo(">query\nSXCX");
        assertThat(processed.templates()).isEmpty();
        assertThat(RnaChain.of("B", "ACGX").withPipelineResults("").sequence()).isEqualTo("ACGN");
    }

    @Test
    void templateEqualityIgnoresPairOrder() {
        Map<Integer, Integer> first = new LinkedHashMap<>(Map.of(0, 1));
        first.put(1, 4);
        first.put(2, 3);
        Map<Integer, Integer> second = new LinkedHashMap<>();
        second.put(1, 4);
        second.put(2, 3);
        second.put(0, 1);
        Template a = Template.of("irrelevant", first);
        Template b = Template.of("irrelevant", second);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(b.queryIndices()).containsExactly(1, 2, 0);
        assertThat(a).isNotEqualTo(Template.of("other", first));
    }

    @Test
    void templateMapKeepsItsOrder() {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (int i = 4; i >= 1; i--) {
            map.put(i, i);
        }
        assertThat(Template.of("irrelevant", map).queryToTemplateMap()).containsExactly(
                Map.entry(4, 4), Map.entry(3, 3), Map.entry(2, 2), Map.entry(1, 1));
    }

    @Test
    void templateQueryIndexTooLarge() {
        assertThatThrownBy(() -> ProteinChain.of("A", "ABCD").withTemplates(List.of(
                Template.of("tst", Map.of(0, 0)), Template.of("tst", Map.of(10, 2)))))
                .hasMessage("Query residue index 10 at position 1 is greater than the query sequence length 4 for"
                        + " template 2.");
    }

    @Test
    void withMultipleSeeds() {
        FoldInput input = FoldInput.of("t", List.of(1337L), List.of(ProteinChain.of("A", "ACDE")));
        assertThat(input.withMultipleSeeds(3).modelSeeds()).containsExactly(1337L, 1338L, 1339L);
        assertThatThrownBy(() -> input.withMultipleSeeds(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> input.withModelSeeds(List.of(1L, 2L)).withMultipleSeeds(3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fillMissingFields() {
        assertThat(new ProteinChain("A", "ACDE", List.of(new Modification("UNK", 1)), null, null, null, null)
                .fillMissingFields())
                .isEqualTo(new ProteinChain("A", "ACDE", List.of(new Modification("UNK", 1)), null, "", "",
                        List.of()));
        assertThat(RnaChain.of("A", "ACDE").fillMissingFields().unpairedMsa()).isEmpty();
    }

    @Test
    void withChainReplacesByIdAndKeepsOrder() {
        FoldInput input = FoldInput.of("t", List.of(1L), List.of(ProteinChain.of("A", "MKV"),
                RnaChain.of("B", "ACGU"), ProteinChain.of("C", "MKV")));
        FoldInput filled = input.withChain(input.rnaChains().get(0).withUnpairedMsa(">query\nACGU"));
        assertThat(filled.chains()).extracting(Chain::id).containsExactly("A", "B", "C");
        assertThat(filled.rnaChains().get(0).unpairedMsa()).isEqualTo(">query\nACGU");
        assertThatThrownBy(() -> input.withChain(DnaChain.of("Q", "A"))).hasMessageContaining("No chain with id Q");
    }

    @Test
    void contentHashIsStableAndSensitive() {
        FoldInput input = FoldInput.of("t", List.of(1L), List.of(ProteinChain.of("A", "MKV")));
        assertThat(input.contentHash()).hasSize(64).isEqualTo(
                FoldInput.of("t", List.of(1L), List.of(ProteinChain.of("A", "MKV"))).contentHash());
        assertThat(input.contentHash()).isNotEqualTo(input.withModelSeeds(List.of(2L)).contentHash())
                .isNotEqualTo(input.withChains(List.of(ProteinChain.of("A", "MKI"))).contentHash())
                .isNotEqualTo(input.fillMissingFields().contentHash());

        Map<Integer, Integer> forward = new LinkedHashMap<>();
        forward.put(0, 0);
        forward.put(1, 2);
        Map<Integer, Integer> backward = new LinkedHashMap<>();
        backward.put(1, 2);
        backward.put(0, 0);
        FoldInput a = input.withChain(ProteinChain.of("A", "MKV").withTemplates(List.of(Template.of("m", forward))));
        FoldInput b = input.withChain(ProteinChain.of("A", "MKV").withTemplates(List.of(Template.of("m", backward))));
        assertThat(a).isEqualTo(b);
        assertThat(a.contentHash()).isEqualTo(b.contentHash());
    }

    @Test
    void bondsAreValidatedOnConstruction() {
        assertThatThrownBy(() -> new FoldInput("t", List.of(1L), List.of(Ligand.ofCcd("F", "ATP"),
                Ligand.ofSmiles("G", "C=C")), List.of(new BondedAtomPair(new BondAtom("F", 1, "C4"),
                new BondAtom("G", 1, "C1"))), null))
                .hasMessage("Bond [['F', 1, 'C4'], ['G', 1, 'C1']] involves an unsupported SMILES ligand G");
    }

    @Test
    void chainIdNumbering() {
        assertThat(List.of(1L, 2L, 26L, 27L, 28L, 52L, 53L, 702L, 703L))
                .extracting(ChainIds::fromNumber)
                .containsExactly("A", "B", "Z", "AA", "BA", "ZA", "AB", "ZZ", "AAA");
        for (long n = 1; n < 2000; n++) {
            assertThat(ChainIds.toNumber(ChainIds.fromNumber(n))).isEqualTo(n);
        }
        assertThat(List.of("BA", "A", "AA", "Z").stream().sorted(ChainIds.ORDER).toList())
                .containsExactly("A", "Z", "AA", "BA");
    }
}
