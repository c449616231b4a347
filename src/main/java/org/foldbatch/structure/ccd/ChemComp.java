package org.foldbatch.structure.ccd;

import java.util.List;
import java.util.Objects;

/**
 * One Chemical Component Dictionary entry: the fields featurisation reads.
 *
 * @param parentId {@code _chem_comp.mon_nstd_parent_comp_id}, {@code null} when the CCD has {@code ?}
 * @param modifiedDate {@code _chem_comp.pdbx_modified_date} as written, {@code null} when absent
 * @param smiles the SMILES an input ligand's entry was built from, {@code null} for a dictionary entry: its stereo
 *               markers are the only record of the ligand's stereocentres, since such an entry has no coordinates
 */
public record ChemComp(String id, String name, String type, String parentId, String modifiedDate, List<Atom> atoms,
                       List<Bond> bonds, String smiles) {

    public ChemComp {
        Objects.requireNonNull(id, "id");
        atoms = List.copyOf(atoms);
        bonds = List.copyOf(bonds);
    }

    /** A dictionary entry (CCD or userCCD). */
    public ChemComp(String id, String name, String type, String parentId, String modifiedDate, List<Atom> atoms,
            List<Bond> bonds) {
        this(id, name, type, parentId, modifiedDate, atoms, bonds, null);
    }

    /**
     * @param ideal the ideal coordinates, {@code null} if any of them is {@code ?}
     * @param model the model coordinates, {@code null} if any of them is {@code ?} or absent
     */
    public record Atom(String name, String element, String charge, boolean leaving, double[] ideal, double[] model) {

        public boolean isHydrogen() {
            return element.equals("H") || element.equals("D");
        }

        /** The formal charge; {@code ?} counts as 0 as in AlphaFold 3. */
        public int formalCharge() {
            return charge == null || charge.equals("?") || charge.equals(".") ? 0 : Integer.parseInt(charge);
        }
    }

    public record Bond(String atom1, String atom2, String order, boolean aromatic) {
    }

    public boolean hasAtom(String atomName) {
        return atoms.stream().anyMatch(a -> a.name().equals(atomName));
    }
}
