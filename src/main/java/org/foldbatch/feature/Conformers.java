package org.foldbatch.feature;

import java.util.List;

import com.actelion.research.chem.Molecule;
import com.actelion.research.chem.StereoMolecule;
import org.openmolecules.chem.conf.gen.ConformerGenerator;

import org.foldbatch.structure.ccd.ChemComp;
import org.foldbatch.util.Hashing;

/**
 * Reference conformers from OpenChemLib's ConformerGenerator, seeded. The molecule is built from the component's
 * heavy atoms in CCD order (hydrogens are implicit to OpenChemLib, which keeps heavy-atom indices), with stereo
 * parities taken from the ideal coordinates when the dictionary has them.
 */
final class Conformers {

    /** A conformer that takes longer counts as failed (AlphaFold 3 bounds RDKit by iterations instead). */
    static final long TIMEOUT_MILLIS = 20_000;

    private Conformers() {
    }

    /** A key that changes whenever the atoms or bonds of the component change. */
    static String key(ChemComp component) {
        StringBuilder text = new StringBuilder(component.id());
        for (ChemComp.Atom atom : heavyAtoms(component)) {
            text.append('|').append(atom.name()).append(',').append(atom.element()).append(',').append(atom.charge());
        }
        for (ChemComp.Bond bond : component.bonds()) {
            text.append('|').append(bond.atom1()).append('-').append(bond.atom2()).append(',').append(bond.order());
        }
        // The first 8 bytes of the digest are plenty to tell one component definition from another.
        return component.id() + ":" + Hashing.sha256(text.toString()).substring(0, 16);
    }

    static List<ChemComp.Atom> heavyAtoms(ChemComp component) {
        return component.atoms().stream().filter(a -> !a.isHydrogen()).toList();
    }

    static ConformerCache.Conformer generate(ChemComp component, long seed) {
        List<ChemComp.Atom> atoms = heavyAtoms(component);
        if (atoms.isEmpty() || atoms.stream().anyMatch(a -> Molecule.getAtomicNoFromLabel(a.element()) <= 0)) {
            return new ConformerCache.Conformer(null);
        }
        try {
            StereoMolecule molecule = new StereoMolecule();
            boolean ideal = atoms.stream().allMatch(a -> a.ideal() != null);
            for (ChemComp.Atom atom : atoms) {
                int index = molecule.addAtom(Molecule.getAtomicNoFromLabel(atom.element()));
                molecule.setAtomCharge(index, atom.formalCharge());
                if (ideal) {
                    molecule.setAtomX(index, atom.ideal()[0]);
                    molecule.setAtomY(index, atom.ideal()[1]);
                    molecule.setAtomZ(index, atom.ideal()[2]);
                }
            }
            List<String> names = atoms.stream().map(ChemComp.Atom::name).toList();
            for (ChemComp.Bond bond : component.bonds()) {
                int a = names.indexOf(bond.atom1());
                int b = names.indexOf(bond.atom2());
                if (a < 0 || b < 0) {
                    continue;
                }
                int type = switch (bond.order().toUpperCase()) {
                    case "DOUB" -> Molecule.cBondTypeDouble;
                    case "TRIP" -> Molecule.cBondTypeTriple;
                    case "AROM" -> Molecule.cBondTypeDelocalized;
                    default -> Molecule.cBondTypeSingle;
                };
                molecule.addBond(a, b, type);
            }
            if (ideal) {
                molecule.setParitiesValid(0);
                molecule.ensureHelperArrays(Molecule.cHelperParities);
            }
            ConformerGenerator generator = new ConformerGenerator(seed, false);
            generator.setTimeOut(TIMEOUT_MILLIS);
            StereoMolecule conformer = generator.getOneConformerAsMolecule(molecule);
            if (conformer == null) {
                return new ConformerCache.Conformer(null);
            }
            double[][] coordinates = new double[atoms.size()][3];
            for (int i = 0; i < atoms.size(); i++) {
                coordinates[i][0] = conformer.getAtomX(i);
                coordinates[i][1] = conformer.getAtomY(i);
                coordinates[i][2] = conformer.getAtomZ(i);
                if (!Double.isFinite(coordinates[i][0] + coordinates[i][1] + coordinates[i][2])) {
                    return new ConformerCache.Conformer(null);
                }
            }
            return new ConformerCache.Conformer(coordinates);
        } catch (RuntimeException e) {
            // OpenChemLib rejects some valences and metal complexes; AlphaFold 3 falls back to CCD coordinates then.
            return new ConformerCache.Conformer(null);
        }
    }
}
