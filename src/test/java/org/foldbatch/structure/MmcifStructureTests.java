package org.foldbatch.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.foldbatch.structure.MmcifStructure.Atom;
import org.foldbatch.structure.MmcifStructure.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MmcifStructureTests {

    static final Path MMCIF_DIR = Path.of("samples/databases/pdb_mmcif");

    /** These single-polymer-chain files were written by AF3's structure writer from its Structure class. */
    @ParameterizedTest
    @ValueSource(strings = {"5y2e", "6ydw", "7rye"})
    void structureRoundTripReproducesAf3Output(String pdbId) throws IOException {
        var file = MMCIF_DIR.resolve(pdbId + ".cif");
        assertThat(MmcifStructure.read(file, Options.AS_IS).toMmcif()).isEqualTo(Files.readString(file));
    }

    @Test
    void readsChainsSequenceUnresolvedResiduesAndReleaseDate() {
        var s = MmcifStructure.read(MMCIF_DIR.resolve("5y2e.cif"), Options.TEMPLATE);
        assertThat(s.name()).isEqualTo("5Y2E");
        assertThat(s.releaseDate()).isEqualTo(LocalDate.of(2018, 3, 14));
        assertThat(s.resolution()).isEqualTo(2.70);
        assertThat(s.methods()).containsExactly("X-RAY DIFFRACTION");
        assertThat(s.polymerAuthToLabel()).containsExactly(java.util.Map.entry("A", "B"));
        var chain = s.polymerChainByAuthId("A").orElseThrow();
        assertThat(chain.type()).isEqualTo("polypeptide(L)");
        assertThat(chain.singleLetterSequence()).isEqualTo("MIEKQMDRVVKEMRRQLEMIDKLTTRGIEQVELLKRIHDKLMIRAVD");
        assertThat(chain.unresolvedSeqIds()).containsExactly(46, 47);
        assertThat(chain.residues().get(45).authSeqId()).isEqualTo("139");
        assertThat(chain.residues().get(0).atoms()).extracting(Atom::name)
                .containsExactly("N", "CA", "C", "O", "CB", "CG", "SD", "CE");
    }

    @Test
    void filteringToTheHitChainDropsOtherChainsAndTheirSchemes() {
        var s = MmcifStructure.read(MMCIF_DIR.resolve("6s61.cif"), Options.TEMPLATE);
        assertThat(s.chains()).extracting(MmcifStructure.Chain::labelId).containsExactly("M", "PA");
        assertThat(s.polymerAuthToLabel()).containsOnlyKeys("M");
        var text = s.filterToChain("M").toMmcif();
        assertThat(text).doesNotContain("_pdbx_nonpoly_scheme", "_struct_conn", "HETATM");
        var reread = MmcifStructure.fromString(text, "6s61_M", Options.AS_IS);
        assertThat(reread.chains()).singleElement().satisfies(c -> assertThat(c.residues()).hasSize(182));
        assertThatThrownBy(() -> s.filterToChain("Z")).hasMessage("Structure 6S61 has no chain with label_asym_id Z");
    }

    @Test
    void arginineFixNamesTheNitrogenCloserToCdAsNh1() {
        var raw = MmcifStructure.read(MMCIF_DIR.resolve("5y2e.cif"), Options.AS_IS);
        var fixed = MmcifStructure.read(MMCIF_DIR.resolve("5y2e.cif"), Options.TEMPLATE);
        // Residue 26 of 5y2e has NH1 3.64 A and NH2 2.80 A from CD, so only the fixed read renames them.
        var rawArg = raw.chains().get(0).residues().get(25);
        var fixedArg = fixed.chains().get(0).residues().get(25);
        assertThat(fixedArg.name()).isEqualTo("ARG");
        assertThat(distance(atom(rawArg, "CD"), atom(rawArg, "NH1")))
                .isGreaterThan(distance(atom(rawArg, "CD"), atom(rawArg, "NH2")));
        assertThat(distance(atom(fixedArg, "CD"), atom(fixedArg, "NH1")))
                .isLessThan(distance(atom(fixedArg, "CD"), atom(fixedArg, "NH2")));
        assertThat(atom(fixedArg, "NH1")).isEqualTo(renamed(atom(rawArg, "NH2"), "NH1"));
        // Arginines already named the right way round are untouched.
        assertThat(fixed.chains().get(0).residues().get(7)).isEqualTo(raw.chains().get(0).residues().get(7));
    }

    @Test
    void selenomethionineBecomesMethionine() {
        var text = """
                data_mse
                loop_
                _chem_comp.id
                _chem_comp.type
                _chem_comp.formula
                MSE "L-PEPTIDE LINKING" "C5 H11 N O2 Se"
                GLY "PEPTIDE LINKING" "C2 H5 N O2"
                _entity_poly.entity_id 1
                _entity_poly.type polypeptide(L)
                loop_
                _atom_site.group_PDB
                _atom_site.id
                _atom_site.type_symbol
                _atom_site.label_atom_id
                _atom_site.label_comp_id
                _atom_site.label_asym_id
                _atom_site.label_entity_id
                _atom_site.label_seq_id
                _atom_site.Cartn_x
                _atom_site.Cartn_y
                _atom_site.Cartn_z
                _atom_site.auth_seq_id
                _atom_site.auth_asym_id
                HETATM 1 N  N  MSE A 1 1 0 0 0 1 A
                HETATM 2 C  CA MSE A 1 1 1 0 0 1 A
                HETATM 3 SE SE MSE A 1 1 2 0 0 1 A
                ATOM   4 N  N  GLY A 1 2 3 0 0 2 A
                """;
        var fixed = MmcifStructure.fromString(text, "mse.cif", Options.TEMPLATE);
        var residue = fixed.chains().get(0).residues().get(0);
        assertThat(residue.name()).isEqualTo("MET");
        assertThat(residue.atoms()).extracting(Atom::name).containsExactly("N", "CA", "SD");
        assertThat(atom(residue, "SD").element()).isEqualTo("S");
        var written = fixed.toMmcif();
        assertThat(written).contains("ATOM 3 S SD . MET").doesNotContain("HETATM");
        // As in AF3 the MSE component stays and a standard MET entry is added to _chem_comp.
        var chemComp = fixed.carriedCategories().get(0);
        assertThat(chemComp.column("id").orElseThrow()).containsExactly("GLY", "MET", "MSE");
        assertThat(chemComp.value("formula", 1)).isEqualTo("C5 H11 N O2 S");
        assertThat(chemComp.value("name", 0)).isEqualTo("?");
        var kept = MmcifStructure.fromString(text, "mse.cif", Options.AS_IS).chains().get(0).residues().get(0);
        assertThat(kept.name()).isEqualTo("MSE");
        assertThat(kept.atoms()).extracting(Atom::name).containsExactly("N", "CA", "SE");
    }

    @Test
    void keepsTheAlternateLocationWithTheHighestOccupancyPerAtom() {
        var text = """
                data_alt
                _entity_poly.entity_id 1
                _entity_poly.type polypeptide(L)
                loop_
                _atom_site.group_PDB
                _atom_site.id
                _atom_site.type_symbol
                _atom_site.label_atom_id
                _atom_site.label_alt_id
                _atom_site.label_comp_id
                _atom_site.label_asym_id
                _atom_site.label_entity_id
                _atom_site.label_seq_id
                _atom_site.Cartn_x
                _atom_site.Cartn_y
                _atom_site.Cartn_z
                _atom_site.occupancy
                _atom_site.auth_seq_id
                _atom_site.auth_asym_id
                _atom_site.pdbx_PDB_model_num
                ATOM 1 N N  . SER A 1 1 0 0 0 1.0 1 A 1
                ATOM 2 C CA . SER A 1 1 1 0 0 1.0 1 A 1
                ATOM 3 O OG A SER A 1 1 2 0 0 0.3 1 A 1
                ATOM 4 O OG B SER A 1 1 3 0 0 0.7 1 A 1
                ATOM 5 N N  . SER A 1 1 9 9 9 1.0 1 A 2
                """;
        var residue = MmcifStructure.fromString(text, "alt.cif", Options.AS_IS).chains().get(0).residues().get(0);
        assertThat(residue.atoms()).extracting(Atom::name).containsExactly("N", "CA", "OG");
        assertThat(atom(residue, "OG").x()).isEqualTo(3.0);
    }

    /** Every atom alt-located: the residue type with more occupancy wins (SER here), then its best alt ID. */
    @Test
    void wholeResidueAltLocsChooseResidueTypeThenAltId() {
        var text = """
                data_alt
                _entity_poly.entity_id 1
                _entity_poly.type polypeptide(L)
                loop_
                _atom_site.id
                _atom_site.type_symbol
                _atom_site.label_atom_id
                _atom_site.label_alt_id
                _atom_site.label_comp_id
                _atom_site.label_asym_id
                _atom_site.label_entity_id
                _atom_site.label_seq_id
                _atom_site.Cartn_x
                _atom_site.Cartn_y
                _atom_site.Cartn_z
                _atom_site.occupancy
                _atom_site.auth_seq_id
                _atom_site.auth_asym_id
                1 N N  A GLY A 1 1 1 0 0 0.3 1 A
                2 C CA A GLY A 1 1 2 0 0 0.3 1 A
                3 N N  B SER A 1 1 3 0 0 0.7 1 A
                4 N N  C SER A 1 1 4 0 0 0.7 1 A
                5 C CA B SER A 1 1 5 0 0 0.7 1 A
                6 C CA C SER A 1 1 6 0 0 0.7 1 A
                7 O OG C SER A 1 1 7 0 0 0.7 1 A
                """;
        var residue = MmcifStructure.fromString(text, "alt.cif", Options.AS_IS).chains().get(0).residues().get(0);
        assertThat(residue.name()).isEqualTo("SER");
        assertThat(residue.atoms()).extracting(Atom::name).containsExactly("N", "CA", "OG");
        assertThat(residue.atoms()).extracting(Atom::x).containsExactly(3.0, 5.0, 7.0);
    }

    @Test
    void badCoordinatesAreReportedWithRowAndColumn() {
        var text = """
                data_bad
                loop_
                _atom_site.id
                _atom_site.label_atom_id
                _atom_site.label_comp_id
                _atom_site.label_asym_id
                _atom_site.label_seq_id
                _atom_site.Cartn_x
                _atom_site.Cartn_y
                _atom_site.Cartn_z
                1 N GLY A 1 1.0 x 3.0
                """;
        assertThatThrownBy(() -> MmcifStructure.fromString(text, "bad.cif", Options.AS_IS))
                .isInstanceOf(MmcifParseException.class)
                .hasMessage("bad.cif: _atom_site.Cartn_y in row 1 is not a number: 'x'");
    }

    private static Atom atom(MmcifStructure.Residue residue, String name) {
        return residue.atoms().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static Atom renamed(Atom atom, String name) {
        return new Atom(name, atom.element(), atom.x(), atom.y(), atom.z(), atom.occupancy(), atom.bFactor());
    }

    private static double distance(Atom a, Atom b) {
        return Math.sqrt(Math.pow(a.x() - b.x(), 2) + Math.pow(a.y() - b.y(), 2) + Math.pow(a.z() - b.z(), 2));
    }
}
