package org.foldbatch.structure.ccd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class CcdTests {

    static final Path SUBSET = Path.of("samples/ccd/components-subset.cif");

    @Test
    void readsEveryEntryOfTheRealSubset() {
        Ccd ccd = Ccd.load(SUBSET);

        assertThat(ccd.size()).isEqualTo(53);
        ChemComp ser = ccd.find("SER").orElseThrow();
        assertThat(ser.type()).isEqualTo("L-PEPTIDE LINKING");
        assertThat(ser.atoms()).extracting(ChemComp.Atom::name)
                .containsExactly("N", "CA", "C", "O", "CB", "OG", "OXT", "H", "H2", "HA", "HB2", "HB3", "HG", "HXT");
        assertThat(ser.atoms().get(6).leaving()).isTrue();
        assertThat(ser.atoms().get(5).ideal()).containsExactly(-0.496, -0.049, -2.535);
        assertThat(ser.atoms().get(5).model()).containsExactly(85.543, -8.096, -10.989);
        assertThat(ser.parentId()).isNull();
        assertThat(ser.modifiedDate()).isEqualTo("2011-06-04");
    }

    @Test
    void everyShippedEntryParses() {
        Ccd ccd = Ccd.load(SUBSET);

        assertThat(ccd.ids()).hasSize(53);
        for (String id : ccd.ids()) {
            ChemComp component = ccd.find(id).orElseThrow();
            assertThat(component.id()).isEqualTo(id);
            assertThat(component.atoms()).as(id).isNotEmpty();
            assertThat(component.atoms()).as(id).allSatisfy(a -> assertThat(a.ideal()).isNotNull());
        }
    }

    @Test
    void keepsParentBondsChargesAndQuotedNames() {
        Ccd ccd = Ccd.load(SUBSET);

        assertThat(ccd.find("MLY").orElseThrow().parentId()).isEqualTo("LYS");
        ChemComp so4 = ccd.find("SO4").orElseThrow();
        assertThat(so4.bonds()).extracting(ChemComp.Bond::atom2).containsExactly("O1", "O2", "O3", "O4");
        assertThat(so4.atoms().stream().mapToInt(ChemComp.Atom::formalCharge).sum()).isEqualTo(-2);
        ChemComp adenosine = ccd.find("A").orElseThrow();
        assertThat(adenosine.atoms()).extracting(ChemComp.Atom::name).contains("C1'", "O5'");
        assertThat(ccd.find("ZN").orElseThrow().atoms()).singleElement()
                .satisfies(a -> assertThat(a.element()).isEqualTo("Zn"));
        assertThat(ccd.find("XYZ")).isEmpty();
    }

    @Test
    void userEntriesOverrideTheDictionaryOnlyInTheirOwnLayer() throws Exception {
        Ccd ccd = Ccd.load(SUBSET);
        String user = Files.readString(Path.of("samples/ccd/7BU-reconstructed.cif"))
                + "\ndata_SO4\n_chem_comp.id SO4\n_chem_comp.name 'not sulfate'\n_chem_comp.type NON-POLYMER\n"
                + "loop_\n_chem_comp_atom.comp_id\n_chem_comp_atom.atom_id\n_chem_comp_atom.type_symbol\n"
                + "_chem_comp_atom.charge\nSO4 X1 C 0\n";

        Ccd job = ccd.withUserCcd(user, "userCCD");

        assertThat(job.find("7BU").orElseThrow().atoms()).hasSize(41);
        assertThat(job.find("SO4").orElseThrow().name()).isEqualTo("not sulfate");
        assertThat(job.find("SO4").orElseThrow().atoms().get(0).ideal()).isNull();
        assertThat(job.find("ALA")).isPresent();
        assertThat(ccd.find("SO4").orElseThrow().atoms()).hasSize(5);
        assertThat(ccd.contains("7BU")).isFalse();
    }

    @Test
    void aBrokenLoopNamesTheSourceAndLine() {
        Ccd ccd = Ccd.fromText("data_BAD\n#\nloop_\n_chem_comp_atom.atom_id\n_chem_comp_atom.type_symbol\nC1 C\nC2\n",
                "bad.cif");

        assertThatThrownBy(() -> ccd.find("BAD")).isInstanceOf(CcdException.class)
                .hasMessageContaining("bad.cif line 6").hasMessageContaining("not a multiple of 2");
    }
}
