package org.foldbatch.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Atom and bond order of SMILES as RDKit's parser builds them (worked out by hand from its grammar, smiles.yy, and
 * {@code SmilesParseOps::CloseMolRings}): atoms as written, chain and branch bonds as their second atom is read,
 * ring closures last by ascending ring number, from the opening atom only when the opening digit has a bond symbol.
 */
class SmilesGraphTests {

    static List<String> bonds(SmilesGraph graph) {
        return graph.bonds().stream().map(b -> b.begin() + "-" + b.end() + (switch (b.order()) {
            case DOUBLE -> "=";
            case TRIPLE -> "#";
            case AROMATIC -> ":";
            default -> "";
        })).toList();
    }

    static SmilesGraph heavy(String smiles) {
        return SmilesGraph.parse(smiles).withoutHydrogens();
    }

    static List<Integer> charges(SmilesGraph graph) {
        return graph.atoms().stream().map(SmilesGraph.Atom::charge).toList();
    }

    @Test
    void chainAndBranchBondsComeAsTheirSecondAtomIsRead() {
        SmilesGraph graph = heavy("CC(C)(O)N");
        assertThat(graph.atomNames()).containsExactly("C1", "C2", "C3", "O1", "N1");
        assertThat(bonds(graph)).containsExactly("0-1", "1-2", "1-3", "1-4");
    }

    @Test
    void anUnmarkedRingClosureRunsFromTheClosingAtomAndComesLast() {
        assertThat(bonds(heavy("C1CC1O"))).containsExactly("0-1", "1-2", "2-3", "2-0");
    }

    @Test
    void ringClosuresAreJoinedByAscendingRingNumberNotByPosition() {
        // Ring 2 opens first and closes first, but ring 1 is joined first.
        assertThat(bonds(heavy("C2CC1CCC2C1"))).containsExactly("0-1", "1-2", "2-3", "3-4", "4-5", "5-6", "6-2",
                "5-0");
        // %10 opens before 1 is used; 1 < 10.
        assertThat(bonds(heavy("C%10CCC1CC1C%10"))).containsExactly("0-1", "1-2", "2-3", "3-4", "4-5", "5-6", "5-3",
                "6-0");
        assertThat(bonds(heavy("C%(123)CC%(123)"))).containsExactly("0-1", "1-2", "2-0");
    }

    @Test
    void aReusedRingNumberPairsItsOpeningsInOrder() {
        assertThat(bonds(heavy("C1CC1C1CC1"))).containsExactly("0-1", "1-2", "2-3", "3-4", "4-5", "2-0", "5-3");
        assertThat(bonds(heavy("C1(C)CC1"))).containsExactly("0-1", "0-2", "2-3", "3-0");
    }

    @Test
    void aBondSymbolOnTheOpeningDigitKeepsTheOpeningAtomFirst() {
        assertThat(bonds(heavy("C=1CCCCC1"))).containsExactly("0-1", "1-2", "2-3", "3-4", "4-5", "0-5=");
        assertThat(bonds(heavy("C1CCCCC=1"))).containsExactly("0-1", "1-2", "2-3", "3-4", "4-5", "5-0=");
        // '/' and '\' carry no bond order in RDKit, so they do not count as a specification.
        assertThat(bonds(heavy("C/1CCCC1"))).containsExactly("0-1", "1-2", "2-3", "3-4", "4-0");
    }

    @Test
    void aromaticAtomsGetAromaticBondsAndUpperCaseNames() {
        SmilesGraph phenol = heavy("Oc1ccccc1");
        assertThat(phenol.atomNames()).containsExactly("O1", "C1", "C2", "C3", "C4", "C5", "C6");
        assertThat(bonds(phenol)).containsExactly("0-1", "1-2:", "2-3:", "3-4:", "4-5:", "5-6:", "6-1:");
        SmilesGraph selenophene = heavy("c1cc[se]c1Cl");
        assertThat(selenophene.atomNames()).containsExactly("C1", "C2", "C3", "SE1", "C4", "CL1");
        assertThat(selenophene.atoms().get(3).atomicNumber()).isEqualTo(34);
    }

    @Test
    void chargesAndBracketHydrogensAreAtomPropertiesNotAtoms() {
        SmilesGraph glycine = heavy("[NH3+]CC(=O)[O-]");
        assertThat(glycine.atomNames()).containsExactly("N1", "C1", "C2", "O1", "O2");
        assertThat(charges(glycine)).containsExactly(1, 0, 0, 0, -1);
        assertThat(bonds(glycine)).containsExactly("0-1", "1-2", "2-3=", "2-4");
        assertThat(charges(heavy("[Fe+3].[O--].[N+2]"))).containsExactly(3, -2, 2);
        // RDKit's grammar has +, ++ and +n only.
        assertThatThrownBy(() -> SmilesGraph.parse("[Fe+++]")).hasMessageContaining("brackets");
    }

    @Test
    void explicitHydrogenAtomsAreDroppedWithTheirBonds() {
        SmilesGraph all = SmilesGraph.parse("[H]C([H])([H])O[2H]");
        assertThat(all.atoms()).hasSize(6);
        assertThat(bonds(all)).containsExactly("0-1", "1-2", "1-3", "1-4", "4-5");
        SmilesGraph heavy = all.withoutHydrogens();
        assertThat(heavy.atomNames()).containsExactly("C1", "O1");
        assertThat(bonds(heavy)).containsExactly("0-1");
    }

    @Test
    void stereoMarkersDoNotChangeAnyOrder() {
        assertThat(bonds(heavy("C[C@@H](N)C(=O)O"))).isEqualTo(bonds(heavy("CC(N)C(=O)O")));
        SmilesGraph alkene = heavy("F/C=C\\Cl");
        assertThat(alkene.atomNames()).containsExactly("F1", "C1", "C2", "CL1");
        assertThat(bonds(alkene)).containsExactly("0-1", "1-2=", "2-3");
        assertThat(heavy("[C@@H]1(Br)CC1").atomNames()).containsExactly("C1", "BR1", "C2", "C3");
    }

    @Test
    void dotSeparatedPartsAreNotBonded() {
        SmilesGraph salt = heavy("[Na+].[Cl-]");
        assertThat(salt.atomNames()).containsExactly("NA1", "CL1");
        assertThat(salt.bonds()).isEmpty();
        SmilesGraph two = heavy("CCO.O=C=O");
        assertThat(two.atomNames()).containsExactly("C1", "C2", "O1", "O2", "C3", "O3");
        assertThat(bonds(two)).containsExactly("0-1", "1-2", "3-4=", "4-5=");
        // A ring number may join two dot-separated parts.
        assertThat(bonds(heavy("C1.C1"))).containsExactly("1-0");
    }

    @Test
    void biotinFromTheStreptavidinExample() {
        SmilesGraph biotin = heavy("OC(=O)CCCC[C@@H]1SC[C@@H]2NC(=O)N[C@H]12");
        assertThat(biotin.atomNames()).containsExactly("O1", "C1", "O2", "C2", "C3", "C4", "C5", "C6", "S1", "C7",
                "C8", "N1", "C9", "O3", "N2", "C10");
        assertThat(bonds(biotin)).containsExactly("0-1", "1-2=", "1-3", "3-4", "4-5", "5-6", "6-7", "7-8", "8-9",
                "9-10", "10-11", "11-12", "12-13=", "12-14", "14-15", "15-7", "15-10");
    }

    @Test
    void rdkitsSanitizerSeparatesChargesOfNitroAndHalogenOxides() {
        SmilesGraph nitro = heavy("CN(=O)=O");
        assertThat(charges(nitro)).containsExactly(0, 1, -1, 0);
        assertThat(bonds(nitro)).containsExactly("0-1", "1-2", "1-3=");
        assertThat(charges(heavy("[O-]Cl(=O)(=O)=O"))).containsExactly(-1, 3, -1, -1, -1);
        assertThat(charges(heavy("C[N+](=O)[O-]"))).containsExactly(0, 1, 0, -1);
    }

    @Test
    void malformedSmilesFailWithAPosition() {
        assertThatThrownBy(() -> SmilesGraph.parse("C1CC")).hasMessageContaining("unclosed ring 1");
        assertThatThrownBy(() -> SmilesGraph.parse("CC)C")).hasMessageContaining("position 3");
        assertThatThrownBy(() -> SmilesGraph.parse("C[Xx]")).hasMessageContaining("unknown element");
        assertThatThrownBy(() -> SmilesGraph.parse("C11")).hasMessageContaining("itself");
        assertThatThrownBy(() -> SmilesGraph.parse("C1CC1C1")).hasMessageContaining("unclosed ring 1");
    }
}
