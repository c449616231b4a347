package org.foldbatch.feature;

import java.util.ArrayList;
import java.util.List;

import org.foldbatch.structure.ccd.ChemComp;

/**
 * A chemical component made from a SMILES ligand as AlphaFold 3 makes it with RDKit: heavy atoms in the order the
 * SMILES writes them, named from the graph ({@code C1, C2, O1, CL1}), RDKit's element symbols and formal charges, and
 * the bonds between heavy atoms in RDKit's order and direction ({@link SmilesGraph}), which is the order of the
 * ligand's intra-residue bond features. There are no ideal coordinates; the SMILES is kept for its stereo markers.
 */
final class SmilesComponent {

    private SmilesComponent() {
    }

    static ChemComp of(String componentId, String smiles, String chainId) {
        SmilesGraph graph = parse(smiles, chainId).withoutHydrogens();
        List<String> names = graph.atomNames();
        List<ChemComp.Atom> atoms = new ArrayList<>();
        for (int a = 0; a < graph.atoms().size(); a++) {
            SmilesGraph.Atom atom = graph.atoms().get(a);
            atoms.add(new ChemComp.Atom(names.get(a), atom.symbol(), String.valueOf(atom.charge()), false, null,
                    null));
        }
        List<ChemComp.Bond> bonds = new ArrayList<>();
        for (SmilesGraph.Bond bond : graph.bonds()) {
            String order = switch (bond.order()) {
                case DOUBLE -> "DOUB";
                case TRIPLE -> "TRIP";
                case QUADRUPLE -> "QUAD";
                case AROMATIC -> "AROM";
                default -> "SING";
            };
            bonds.add(new ChemComp.Bond(names.get(bond.begin()), names.get(bond.end()), order,
                    bond.order() == SmilesGraph.Order.AROMATIC));
        }
        return new ChemComp(componentId, componentId, "non-polymer", null, null, atoms, bonds, smiles);
    }

    static SmilesGraph parse(String smiles, String chainId) {
        try {
            return SmilesGraph.parse(smiles);
        } catch (IllegalArgumentException e) {
            throw new FeaturisationException("chain " + chainId + ": SMILES " + smiles + " does not parse: "
                    + e.getMessage(), e);
        }
    }
}
