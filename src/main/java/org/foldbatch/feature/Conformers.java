package org.foldbatch.feature;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.stream.IntStream;

import com.actelion.research.chem.Molecule;
import com.actelion.research.chem.StereoMolecule;
import com.actelion.research.chem.forcefield.mmff.ForceFieldMMFF94;
import org.openmolecules.chem.conf.gen.ConformerGenerator;
import org.openmolecules.chem.conf.gen.RigidFragmentProvider;

import org.foldbatch.structure.ccd.ChemComp;
import org.foldbatch.util.Hashing;

/**
 * Reference conformers from OpenChemLib's ConformerGenerator, seeded. The molecule is built from the component's
 * heavy atoms in CCD order (hydrogens are implicit to OpenChemLib, which keeps heavy-atom indices), with stereo
 * parities taken from the ideal coordinates when the dictionary has them.
 *
 * <p>A conformer is a function of the component and the model seed only, never of what the process did before
 * (issue 12): its seed is derived from the two ({@link #seed}); OpenChemLib's search is bounded by iterations (at
 * most 400 torsion sets and a fixed number of self-organisation cycles, as AlphaFold 3 bounds RDKit by
 * {@code maxIterations}), never by a time limit that a busy machine reaches at a different point; and no writable
 * rigid-fragment cache is shared, since OpenChemLib's default cache keeps the fragment coordinates of whichever
 * molecule, atom order and seed met a fragment first. Rigid fragments come from the build-time
 * {@link FragmentLibrary}, made with fixed seeds, so a fresh process does not self-organise them again.
 */
final class Conformers {

    /** Conformers tried for a SMILES ligand (seeds s, s+1, ...), each also after minimisation, before zeros. */
    static final int SMILES_ATTEMPTS = 8;

    private Conformers() {
    }

    /**
     * The conformer seed of a component under a model seed: every residue of that component gets the same
     * conformer (AlphaFold 3 draws one per residue from the seed's stream; a residue-independent seed makes the
     * conformer cache hit for the second and later residues). Never 0, which OpenChemLib reads as "unseeded".
     */
    static long seed(String componentKey, long modelSeed) {
        byte[] digest = Hashing.digest().digest((componentKey + "#" + modelSeed).getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        return 1 + Math.floorMod(bits, (long) Integer.MAX_VALUE);
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
        if (component.smiles() != null) {
            // Atoms and bonds do not tell stereoisomers apart; the SMILES does. Dictionary entries keep their keys.
            text.append("|smiles:").append(component.smiles());
        }
        // The first 8 bytes of the digest are plenty to tell one component definition from another.
        return component.id() + ":" + Hashing.sha256(text.toString()).substring(0, 16);
    }

    static List<ChemComp.Atom> heavyAtoms(ChemComp component) {
        return component.atoms().stream().filter(a -> !a.isHydrogen()).toList();
    }

    /** The component's heavy atoms and bonds as an OpenChemLib molecule, at {@code xyz} when given. */
    static StereoMolecule molecule(ChemComp component, List<ChemComp.Atom> atoms, double[][] xyz) {
        StereoMolecule molecule = new StereoMolecule();
        for (int i = 0; i < atoms.size(); i++) {
            int index = molecule.addAtom(Molecule.getAtomicNoFromLabel(atoms.get(i).element()));
            molecule.setAtomCharge(index, atoms.get(i).formalCharge());
            if (xyz != null) {
                molecule.setAtomX(index, xyz[i][0]);
                molecule.setAtomY(index, xyz[i][1]);
                molecule.setAtomZ(index, xyz[i][2]);
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
        return molecule;
    }

    /** The ideal coordinates of every heavy atom, or null when one is unknown. */
    static double[][] ideal(List<ChemComp.Atom> atoms) {
        if (atoms.stream().anyMatch(a -> a.ideal() == null)) {
            return null;
        }
        return atoms.stream().map(a -> a.ideal().clone()).toArray(double[][]::new);
    }

    /** One try of the search: OpenChemLib's seed and where the rigid fragments come from. */
    record Try(long seed, RigidFragmentProvider fragments) {
    }

    /**
     * The tries for a component: first one per {@link FragmentLibrary} set (cheap: no fragment is self-organised),
     * then, as a last resort, what a search without the library does: fragments self-organised under the try's own
     * seed. A conformer from the library sets can fail where that one passes: a cached fragment of thymidine's
     * deoxyribose comes back with C4' inverted, which the stereo check rejects. A dictionary entry falls back to its
     * ideal coordinates, so one last-resort try is enough; a SMILES ligand's fallback is zeros, so it gets more.
     */
    static List<Try> tries(ChemComp component, long seed) {
        int attempts = component.smiles() != null ? SMILES_ATTEMPTS : 1;
        List<Try> tries = new java.util.ArrayList<>();
        for (int set = 0; set < Math.max(attempts, FragmentLibrary.SETS); set++) {
            tries.add(new Try(seed + set, FragmentLibrary.provider((int) Math.floorMod(seed + set,
                    (long) FragmentLibrary.SETS))));
        }
        for (int attempt = 0; attempt < attempts; attempt++) {
            tries.add(new Try(seed + attempt, new RigidFragmentProvider(seed + attempt, null, false)));
        }
        return tries;
    }

    static ConformerCache.Conformer generate(ChemComp component, long seed) {
        return generate(component, tries(component, seed));
    }

    /** The first conformer of {@code tries} that keeps the component's geometry and stereo, else none. */
    static ConformerCache.Conformer generate(ChemComp component, List<Try> tries) {
        List<ChemComp.Atom> atoms = heavyAtoms(component);
        if (atoms.isEmpty() || atoms.stream().anyMatch(a -> Molecule.getAtomicNoFromLabel(a.element()) <= 0)) {
            return new ConformerCache.Conformer(null);
        }
        try {
            double[][] ideal = ideal(atoms);
            SmilesMolecule smiles = SmilesMolecule.of(component, atoms);
            StereoMolecule molecule;
            int[] index;
            if (smiles != null) {
                // A SMILES ligand's stereo is its @/@@ and / \ markers, which only OpenChemLib's reading keeps.
                molecule = new StereoMolecule(smiles.molecule());
                index = smiles.heavy();
            } else {
                // Stereo parities are perceived from the ideal coordinates, so the conformer keeps the CCD's R/S.
                molecule = molecule(component, atoms, ideal);
                index = IntStream.range(0, atoms.size()).toArray();
            }
            molecule.ensureHelperArrays(Molecule.cHelperParities);
            for (Try attempt : tries) {
                StereoMolecule conformer = new ConformerGenerator(attempt.seed(), attempt.fragments())
                        .getOneConformerAsMolecule(smiles != null ? new StereoMolecule(molecule) : molecule);
                double[][] coordinates = coordinates(conformer, index);
                if (coordinates != null && acceptable(component, atoms, ideal, smiles, coordinates)) {
                    return new ConformerCache.Conformer(coordinates);
                }
                if (coordinates != null && smiles != null && minimise(conformer)) {
                    coordinates = coordinates(conformer, index);
                    if (coordinates != null && acceptable(component, atoms, ideal, smiles, coordinates)) {
                        return new ConformerCache.Conformer(coordinates);
                    }
                }
            }
            return new ConformerCache.Conformer(null);
        } catch (RuntimeException e) {
            // OpenChemLib rejects some valences and metal complexes; AlphaFold 3 falls back to CCD coordinates then.
            return new ConformerCache.Conformer(null);
        }
    }

    /** The heavy atoms' coordinates in component order, null if there is no conformer or one is not finite. */
    private static double[][] coordinates(StereoMolecule conformer, int[] index) {
        if (conformer == null) {
            return null;
        }
        double[][] coordinates = new double[index.length][];
        for (int i = 0; i < index.length; i++) {
            coordinates[i] = new double[]{conformer.getAtomX(index[i]), conformer.getAtomY(index[i]),
                conformer.getAtomZ(index[i])};
            if (!Double.isFinite(coordinates[i][0] + coordinates[i][1] + coordinates[i][2])) {
                return null;
            }
        }
        return coordinates;
    }

    /**
     * Relaxes a conformer (with its hydrogens) in OpenChemLib's MMFF94s+ force field, in place. The self-organising
     * generator keeps only approximate bond angles; MMFF94s fits angles to crystal and ab initio geometries. The
     * minimiser stops after a fixed number of iterations, never on a clock. False if MMFF has no atom type for an atom.
     */
    static boolean minimise(StereoMolecule conformer) {
        try {
            synchronized (Conformers.class) {
                // conformers are made in parallel, and OpenChemLib fills its table map without a lock on reads
                ForceFieldMMFF94.initialize(ForceFieldMMFF94.MMFF94SPLUS);
            }
            ForceFieldMMFF94 field = new ForceFieldMMFF94(conformer, ForceFieldMMFF94.MMFF94SPLUS, new HashMap<>());
            field.minimise();
            double[] xyz = field.getCurrentPositions();
            for (int i = 0; i < conformer.getAllAtoms(); i++) {
                conformer.setAtomX(i, xyz[3 * i]);
                conformer.setAtomY(i, xyz[3 * i + 1]);
                conformer.setAtomZ(i, xyz[3 * i + 2]);
            }
            return true;
        } catch (RuntimeException e) {
            // BadAtomTypeException, BadRingAromException: MMFF has no type for an atom (a metal, an odd valence)
            return false;
        }
    }

    /**
     * A conformer that bends the dictionary's geometry (or, for a SMILES ligand, standard geometry) or mirrors a
     * stereocentre counts as failed, and the fallback is used, as AlphaFold 3 does when RDKit cannot embed.
     */
    static boolean acceptable(ChemComp component, List<ChemComp.Atom> atoms, double[][] ideal, SmilesMolecule smiles,
            double[][] coordinates) {
        if (ideal != null) {
            return ConformerGeometry.compare(component, atoms, ideal, coordinates).acceptable();
        }
        if (smiles != null) {
            return StandardGeometry.compare(smiles, atoms.stream().map(ChemComp.Atom::name).toList(), coordinates)
                    .acceptable();
        }
        return true;
    }
}
