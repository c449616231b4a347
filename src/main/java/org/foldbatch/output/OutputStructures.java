package org.foldbatch.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.foldbatch.constants.ChainType;
import org.foldbatch.constants.ResidueNames;
import org.foldbatch.feature.BuiltStructure;
import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.feature.FeaturiserConfig;
import org.foldbatch.input.FoldInput;
import org.foldbatch.structure.ccd.Ccd;

/**
 * Builds a completed input's {@link StructureLayout} as AlphaFold 3's output mmCIF lists it (its
 * {@code create_empty_output_struc_and_layout}): chains in sorted order, every residue, the flat output atoms
 * (CCD order without hydrogens, OXT only on the C-terminal residue, OP3 only on the 5' residue, glycan O1 rule,
 * SMILES atoms named by graph order), per-token chain, residue id and frame mask, {@code _chem_comp} rows, and the
 * input's polymer–ligand and ligand–ligand bonds (AlphaFold 3 writes no CCD-internal bonds). The structure comes
 * from the featuriser's own building code ({@link BuiltStructure}), so the layout's tokens are the batch's tokens.
 *
 * <p>{@code _chem_comp} carries the CCD's id, name and type; formula, formula weight and synonyms are {@code ?}
 * (the CCD reader keeps no more), and {@code mon_nstd_flag} is {@code y} for standard residues, {@code n} for other
 * polymer residues and {@code .} for ligands.
 */
public final class OutputStructures {

    private OutputStructures() {
    }

    /** The layout, with the frame mask taken from the input's featurised batch ({@code frames_mask}, cropped). */
    public static StructureLayout layout(FoldInput completedInput, Ccd ccd, FeatureBatch batch) {
        BuiltStructure structure = BuiltStructure.of(completedInput, ccd);
        int t = structure.tokens().size();
        if (batch.tokenCount() != t) {
            throw new IllegalArgumentException(completedInput.name() + ": feature batch has " + batch.tokenCount()
                    + " tokens but the input builds " + t + "; the batch is not this input's");
        }
        return layout(structure, completedInput.sanitisedName(),
                Arrays.copyOf(batch.get("frames_mask").bools(), t));
    }

    /** The layout, with the frame mask computed again as the featuriser would (costs reference conformers). */
    public static StructureLayout layout(FoldInput completedInput, FeaturiserConfig config) {
        BuiltStructure structure = BuiltStructure.of(completedInput, config.ccd());
        return layout(structure, completedInput.sanitisedName(), structure.framesMask(config));
    }

    /** The mapping from the network's dense per-token atom layout to this input's layout's atoms. */
    public static DenseToFlat denseToFlat(FoldInput completedInput, Ccd ccd) {
        return DenseToFlat.of(BuiltStructure.of(completedInput, ccd));
    }

    /** The layout of a built structure; {@code framesMask} has one entry per real token. */
    public static StructureLayout layout(BuiltStructure structure, String name, boolean[] framesMask) {
        var tokens = structure.tokens();
        if (framesMask.length != tokens.size()) {
            throw new IllegalArgumentException(name + ": frames mask has " + framesMask.length + " entries for "
                    + tokens.size() + " tokens");
        }
        var chains = new ArrayList<StructureLayout.Chain>();
        var atoms = new ArrayList<StructureLayout.Atom>();
        Map<String, Integer> atomIndex = new HashMap<>();
        Map<String, StructureLayout.ChemComp> chemComps = new LinkedHashMap<>();
        for (int c = 0; c < structure.chains().size(); c++) {
            var chain = structure.chains().get(c);
            ChainKind type = outputType(chain.type());
            var residues = new ArrayList<StructureLayout.Residue>();
            for (var residue : chain.residues()) {
                residues.add(new StructureLayout.Residue(residue.id(), residue.name()));
                chemComps.putIfAbsent(residue.name(), chemComp(residue, type, chain.smiles()));
                for (int a = 0; a < residue.atomNames().size(); a++) {
                    String atomName = residue.atomNames().get(a);
                    String element = residue.elements().get(a);
                    atomIndex.put(key(chain.id(), residue.id(), atomName), atoms.size());
                    atoms.add(new StructureLayout.Atom(c, residue.id(), atomName,
                            chain.smiles() != null ? element : element.toUpperCase(Locale.ROOT)));
                }
            }
            chains.add(new StructureLayout.Chain(chain.id(), type, residues));
        }
        int[] tokenChain = new int[tokens.size()];
        int[] tokenResidue = new int[tokens.size()];
        for (int t = 0; t < tokens.size(); t++) {
            tokenChain[t] = tokens.get(t).chain();
            tokenResidue[t] = tokens.get(t).residueId();
        }
        var bonds = new ArrayList<StructureLayout.Bond>();
        for (var bond : structure.bonds()) {
            Integer first = atomIndex.get(key(bond.first()));
            Integer second = atomIndex.get(key(bond.second()));
            if (first == null || second == null) {
                throw new IllegalStateException(name + ": bond " + bond + " names an atom the output does not have");
            }
            bonds.add(new StructureLayout.Bond(first, second));
        }
        return new StructureLayout(name, chains, tokenChain, tokenResidue, framesMask.clone(), atoms, bonds,
                List.copyOf(chemComps.values()));
    }

    private static ChainKind outputType(ChainType type) {
        return switch (type) {
            case PROTEIN -> ChainKind.PROTEIN;
            case RNA -> ChainKind.RNA;
            case DNA -> ChainKind.DNA;
            case NON_POLYMER, BRANCHED -> ChainKind.LIGAND;
        };
    }

    private static StructureLayout.ChemComp chemComp(BuiltStructure.Residue residue, ChainKind chainType,
                                                     String smiles) {
        var component = residue.component();
        String type = component.type() == null || component.type().equals("?") ? chainType.defaultChemCompType()
                : component.type();
        String flag = ResidueNames.isStandardPolymerResidue(residue.name()) ? "y"
                : chainType.polymer() ? "n" : ".";
        String name = component.name() == null || component.name().isBlank() || smiles != null ? "?"
                : component.name();
        return new StructureLayout.ChemComp(residue.name(), type, name, "?", "?", flag,
                smiles != null ? smiles : "?", "?");
    }

    private static String key(String chain, int residue, String atom) {
        return chain + "\u0000" + residue + "\u0000" + atom;
    }

    private static String key(BuiltStructure.AtomId atom) {
        return key(atom.chainId(), atom.residueId(), atom.atomName());
    }
}
