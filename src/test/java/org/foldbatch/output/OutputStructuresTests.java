package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.feature.Featuriser;
import org.foldbatch.feature.FeaturiserConfig;
import org.foldbatch.input.BondAtom;
import org.foldbatch.input.BondedAtomPair;
import org.foldbatch.input.DnaChain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.Modification;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.structure.ccd.Ccd;
import org.foldbatch.structure.ccd.ChemComp;

/**
 * Layouts of small inputs against the CCD after AlphaFold 3's flat-layout rules (make_flat_atom_layout): heavy atoms
 * in CCD order, OXT only on the C-terminal residue, OP3 only on the 5' residue, glycan O1 dropped when unbonded.
 */
class OutputStructuresTests {

    static Ccd ccd;
    static FeaturiserConfig config;

    @BeforeAll
    static void loadCcd() {
        ccd = Ccd.load(Path.of("samples/ccd/components-subset.cif"));
        config = FeaturiserConfig.defaults(ccd).withBuckets(List.of(16, 64));
    }

    static ProteinChain protein(String id, String sequence) {
        return new ProteinChain(id, sequence, List.of(), null, "", "", List.of());
    }

    static List<String> heavyAtoms(String code) {
        return ccd.find(code).orElseThrow().atoms().stream().filter(a -> !a.isHydrogen()).map(ChemComp.Atom::name)
                .toList();
    }

    static List<String> without(List<String> names, String dropped) {
        return names.stream().filter(n -> !n.equals(dropped)).toList();
    }

    static List<String> atomNames(StructureLayout layout, int chain, int residueId) {
        return layout.atoms().stream().filter(a -> a.chain() == chain && a.residueId() == residueId)
                .map(StructureLayout.Atom::name).toList();
    }

    /** Expected flat atoms of a polymer chain: internal residues lose {@code leaving} unless at {@code keptAt}. */
    static List<String> polymerAtoms(List<String> codes, String leaving, int keptAt) {
        var out = new ArrayList<String>();
        for (int i = 0; i < codes.size(); i++) {
            out.addAll(i == keptAt ? heavyAtoms(codes.get(i)) : without(heavyAtoms(codes.get(i)), leaving));
        }
        return out;
    }

    @Test
    void proteinMonomer() {
        var input = FoldInput.of("Mono Mer", List.of(1L), List.of(protein("A", "GASGA")));
        var layout = OutputStructures.layout(input, config);

        assertThat(layout.name()).isEqualTo(input.sanitisedName());
        assertThat(layout.chains()).hasSize(1);
        assertThat(layout.chains().get(0).type()).isEqualTo(ChainKind.PROTEIN);
        assertThat(layout.chains().get(0).residues()).extracting(StructureLayout.Residue::name)
                .containsExactly("GLY", "ALA", "SER", "GLY", "ALA");
        // GLY 4, ALA 5, SER 6, GLY 4 heavy atoms without OXT; the C-terminal ALA keeps its OXT: 6.
        assertThat(layout.numAtoms()).isEqualTo(4 + 5 + 6 + 4 + 6);
        assertThat(layout.atoms()).extracting(StructureLayout.Atom::name)
                .containsExactlyElementsOf(polymerAtoms(List.of("GLY", "ALA", "SER", "GLY", "ALA"), "OXT", 4));
        assertThat(atomNames(layout, 0, 5)).containsExactly("N", "CA", "C", "O", "CB", "OXT");
        assertThat(layout.atoms()).extracting(StructureLayout.Atom::element).doesNotContain("H");
        assertThat(layout.tokenChain()).containsExactly(0, 0, 0, 0, 0);
        assertThat(layout.tokenResidueId()).containsExactly(1, 2, 3, 4, 5);
        assertThat(layout.tokenFrameMask()).containsExactly(true, true, true, true, true);
        assertThat(layout.bonds()).isEmpty();
        assertThat(layout.chemComps()).extracting(StructureLayout.ChemComp::id).containsExactly("GLY", "ALA", "SER");
        assertThat(layout.chemComps().get(0).type()).isEqualTo(ccd.find("GLY").orElseThrow().type());
        assertThat(layout.chemComps().get(0).monNstdFlag()).isEqualTo("y");
    }

    @Test
    void proteinAndBondedCcdLigandInSortedChainOrder() {
        var input = new FoldInput("lig", List.of(1L), List.of(Ligand.ofCcd("B", "SO4"), protein("A", "GAS"),
                Ligand.ofCcd("AA", "ZN")),
                List.of(new BondedAtomPair(new BondAtom("B", 1, "S"), new BondAtom("A", 3, "OG"))), null);
        var layout = OutputStructures.layout(input, config);

        assertThat(layout.chains()).extracting(StructureLayout.Chain::id).containsExactly("A", "B", "AA");
        assertThat(layout.chains()).extracting(StructureLayout.Chain::type)
                .containsExactly(ChainKind.PROTEIN, ChainKind.LIGAND, ChainKind.LIGAND);
        assertThat(atomNames(layout, 1, 1)).containsExactlyElementsOf(heavyAtoms("SO4"))
                .containsExactly("S", "O1", "O2", "O3", "O4");
        assertThat(atomNames(layout, 2, 1)).containsExactly("ZN");
        assertThat(layout.atoms().get(layout.numAtoms() - 1).element()).isEqualTo("ZN");
        // 3 residue tokens, 5 SO4 atom tokens, 1 zinc token.
        assertThat(layout.tokenChain()).containsExactly(0, 0, 0, 1, 1, 1, 1, 1, 2);
        assertThat(layout.tokenResidueId()).containsExactly(1, 2, 3, 1, 1, 1, 1, 1, 1);
        // An ion has no frame; sulfate's tokens have non-colinear neighbours.
        assertThat(layout.tokenFrameMask()[8]).isFalse();
        assertThat(layout.bonds()).hasSize(1);
        var bond = layout.bonds().get(0);
        assertThat(layout.atoms().get(bond.atom1())).isEqualTo(new StructureLayout.Atom(1, 1, "S", "S"));
        assertThat(layout.atoms().get(bond.atom2())).isEqualTo(new StructureLayout.Atom(0, 3, "OG", "O"));
        assertThat(layout.chemComps()).extracting(StructureLayout.ChemComp::id)
                .containsExactly("GLY", "ALA", "SER", "SO4", "ZN");
        assertThat(layout.chemComps().get(3).monNstdFlag()).isEqualTo(".");
    }

    @Test
    void rnaKeepsOp3OnlyOnItsFivePrimeResidue() {
        var input = FoldInput.of("rna", List.of(1L), List.of(RnaChain.of("A", "AGCU")));
        var layout = OutputStructures.layout(input, config);

        assertThat(layout.chains().get(0).type()).isEqualTo(ChainKind.RNA);
        assertThat(layout.atoms()).extracting(StructureLayout.Atom::name)
                .containsExactlyElementsOf(polymerAtoms(List.of("A", "G", "C", "U"), "OP3", 0));
        assertThat(atomNames(layout, 0, 1)).startsWith("OP3", "P");
        assertThat(atomNames(layout, 0, 2)).startsWith("P").doesNotContain("OP3");
        // A: 23 heavy atoms with OP3; G 23, C 20, U 20 without it.
        assertThat(layout.numAtoms()).isEqualTo(23 + 23 + 20 + 20);
        assertThat(layout.tokenResidueId()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void dnaKeepsOp3OnlyOnItsFivePrimeResidue() {
        var input = FoldInput.of("dna", List.of(1L), List.of(DnaChain.of("A", "ACGT")));
        var layout = OutputStructures.layout(input, config);

        assertThat(layout.chains().get(0).type()).isEqualTo(ChainKind.DNA);
        assertThat(layout.chains().get(0).residues()).extracting(StructureLayout.Residue::name)
                .containsExactly("DA", "DC", "DG", "DT");
        assertThat(layout.atoms()).extracting(StructureLayout.Atom::name)
                .containsExactlyElementsOf(polymerAtoms(List.of("DA", "DC", "DG", "DT"), "OP3", 0));
        assertThat(layout.atoms()).extracting(StructureLayout.Atom::name).filteredOn("OP3"::equals).hasSize(1);
    }

    @Test
    void modifiedResidueIsOneResidueWithOneTokenPerAtom() {
        var chain = new ProteinChain("A", "GAKGA", List.of(new Modification("MLY", 3)), null, "", "", List.of());
        var input = FoldInput.of("ptm", List.of(1L), List.of(chain));
        var layout = OutputStructures.layout(input, config);

        var mly = without(heavyAtoms("MLY"), "OXT");
        assertThat(atomNames(layout, 0, 3)).containsExactlyElementsOf(mly);
        assertThat(layout.chains().get(0).residues().get(2).name()).isEqualTo("MLY");
        assertThat(layout.numTokens()).isEqualTo(4 + mly.size());
        var expected = new ArrayList<Integer>(List.of(1, 2));
        mly.forEach(atom -> expected.add(3));
        expected.addAll(List.of(4, 5));
        assertThat(layout.tokenResidueId()).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
        assertThat(layout.chemComps()).filteredOn(c -> c.id().equals("MLY"))
                .extracting(StructureLayout.ChemComp::monNstdFlag).containsExactly("n");
    }

    @Test
    void smilesLigandAtomsAreNamedByGraphOrder() {
        var input = FoldInput.of("smiles", List.of(1L), List.of(protein("A", "GA"),
                Ligand.ofSmiles("B", "OCC(Cl)=O")));
        var layout = OutputStructures.layout(input, config);

        assertThat(layout.chains().get(1).residues()).extracting(StructureLayout.Residue::name)
                .containsExactly("LIG_B");
        assertThat(atomNames(layout, 1, 1)).containsExactly("O1", "C1", "C2", "CL1", "O2");
        assertThat(layout.atoms().stream().filter(a -> a.chain() == 1).map(StructureLayout.Atom::element))
                .containsExactly("O", "C", "C", "Cl", "O");
        var lig = layout.chemComps().stream().filter(c -> c.id().equals("LIG_B")).findFirst().orElseThrow();
        assertThat(lig.smiles()).isEqualTo("OCC(Cl)=O");
        assertThat(lig.type()).isEqualTo("non-polymer");
    }

    @Test
    void standaloneGlycanLosesO1() {
        var input = FoldInput.of("nag", List.of(1L), List.of(Ligand.ofCcd("A", "NAG")));
        var layout = OutputStructures.layout(input, config);

        assertThat(atomNames(layout, 0, 1)).containsExactlyElementsOf(without(heavyAtoms("NAG"), "O1"));
    }

    @Test
    void frameMaskFromTheBatchEqualsTheRecomputedOne() {
        var input = new FoldInput("lig", List.of(1L), List.of(protein("A", "GAS"), Ligand.ofCcd("B", "ATP"),
                Ligand.ofCcd("C", "MG")), List.of(), null);
        FeatureBatch batch = new Featuriser(config).featurise(input, 7);

        var fromBatch = OutputStructures.layout(input, ccd, batch);
        var recomputed = OutputStructures.layout(input, config);

        assertThat(fromBatch.tokenFrameMask()).hasSize(batch.tokenCount()).isEqualTo(recomputed.tokenFrameMask());
        assertThat(fromBatch.tokenFrameMask()[batch.tokenCount() - 1]).isFalse();
        assertThat(fromBatch.atoms()).isEqualTo(recomputed.atoms());
    }

    @Test
    void aBatchOfAnotherInputIsRejected() {
        var input = FoldInput.of("mono", List.of(1L), List.of(protein("A", "GASGA")));
        var other = FoldInput.of("mono", List.of(1L), List.of(protein("A", "GAS")));
        FeatureBatch batch = new Featuriser(config).featurise(other, 1);

        assertThatThrownBy(() -> OutputStructures.layout(input, ccd, batch))
                .hasMessage("mono: feature batch has 3 tokens but the input builds 5; the batch is not this input's");
    }
}
