package org.foldbatch.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.structure.ccd.Ccd;
import org.foldbatch.structure.ccd.ChemComp;
import org.foldbatch.constants.ChainType;

/**
 * The structure and tokens the featuriser builds from a completed input, read-only, for the output side (GitHub
 * issue #7): chains in AlphaFold 3's order with each residue's kept heavy atoms (which is AlphaFold 3's flat output
 * layout), the dense token-atom layout the network predicts in (24 named slots per token, {@code ""} for an empty
 * slot) and the covalent bonds AlphaFold 3 writes to {@code _struct_conn}. It is built by the same code as the
 * features, so a network output for this input's batch lines up slot by slot.
 */
public final class BuiltStructure {

    /** Slots per token in the dense layout. */
    public static final int ATOMS_PER_TOKEN = Tokens.ATOMS_PER_TOKEN;

    /**
     * @param smiles the input SMILES of a SMILES ligand chain, else {@code null}
     */
    public record Chain(String id, ChainType type, String smiles, List<Residue> residues) {
        public Chain {
            residues = List.copyOf(residues);
        }
    }

    /**
     * @param id        1-based residue id in its chain
     * @param component the CCD (or userCCD, or SMILES-derived) entry the residue was built from
     * @param atomNames the kept heavy atoms in CCD order: hydrogens and linking leaving atoms dropped
     */
    public record Residue(int id, String name, ChemComp component, List<String> atomNames, List<String> elements) {
        public Residue {
            atomNames = List.copyOf(atomNames);
            elements = List.copyOf(elements);
        }
    }

    /** One token: its chain (index into {@link #chains()}), residue id and the atom name in each of its 24 slots. */
    public record Token(int chain, int residueId, List<String> slots) {
        public Token {
            slots = List.copyOf(slots);
        }
    }

    /** One end of a bond. */
    public record AtomId(String chainId, int residueId, String atomName) {
    }

    public record Bond(AtomId first, AtomId second) {
    }

    private final String name;
    private final List<Chain> chains;
    private final List<Token> tokens;
    private final List<Bond> bonds;
    private final Tokens internalTokens;

    private BuiltStructure(String name, List<Chain> chains, List<Token> tokens, List<Bond> bonds,
                           Tokens internalTokens) {
        this.name = name;
        this.chains = List.copyOf(chains);
        this.tokens = List.copyOf(tokens);
        this.bonds = List.copyOf(bonds);
        this.internalTokens = internalTokens;
    }

    /**
     * Builds the structure as {@link Featuriser#featurise} does: the input's userCCD is layered on {@code ccd}.
     *
     * @throws FeaturisationException when a residue is not in the dictionary or no chain remains
     */
    public static BuiltStructure of(FoldInput completedInput, Ccd ccd) {
        Ccd layered = ccd.withUserCcd(completedInput.userCcd(), completedInput.name() + " userCCD");
        Assembly assembly = Assembly.build(completedInput, layered);
        Tokens tokens = Tokens.of(assembly);
        List<Chain> chains = new ArrayList<>();
        Map<String, Integer> chainIndex = new HashMap<>();
        for (BuiltChain chain : assembly.chains()) {
            List<Residue> residues = new ArrayList<>();
            for (org.foldbatch.feature.Residue r : chain.residues()) {
                residues.add(new Residue(r.resId(), r.name(), r.component(), r.atomNames(), r.elements()));
            }
            String smiles = chain.input() instanceof Ligand l && l.isSmiles() ? l.smiles() : null;
            chainIndex.put(chain.id(), chains.size());
            chains.add(new Chain(chain.id(), chain.type(), smiles, residues));
        }
        List<Token> tokenList = new ArrayList<>(tokens.count());
        for (int t = 0; t < tokens.count(); t++) {
            org.foldbatch.feature.Residue r = tokens.residueOfToken.get(t);
            tokenList.add(new Token(chainIndex.get(r.chainId()), r.resId(), Arrays.asList(tokens.slotNames.get(t))));
        }
        List<Bond> bonds = new ArrayList<>();
        for (List<BondEnd[]> group : List.of(assembly.polymerLigandBonds(), assembly.ligandLigandBonds())) {
            for (BondEnd[] bond : group) {
                bonds.add(new Bond(atomId(bond[0]), atomId(bond[1])));
            }
        }
        return new BuiltStructure(completedInput.name(), chains, tokenList, bonds, tokens);
    }

    private static AtomId atomId(BondEnd end) {
        return new AtomId(end.chainId(), end.resId(), end.atomName());
    }

    /** The input's name as given (not sanitised). */
    public String name() {
        return name;
    }

    public List<Chain> chains() {
        return chains;
    }

    /** The real (unpadded) tokens in token order. */
    public List<Token> tokens() {
        return tokens;
    }

    /** Polymer–ligand bonds, then ligand–ligand bonds, each in the input's order and orientation. */
    public List<Bond> bonds() {
        return bonds;
    }

    /**
     * The featuriser's {@code frames_mask} for the real tokens, computed again (it needs the reference conformers of
     * a fixed seed, so it costs a conformer per residue unless {@code config}'s cache has them). Prefer the
     * {@code frames_mask} feature of the batch when one is at hand.
     */
    public boolean[] framesMask(FeaturiserConfig config) {
        int t = internalTokens.count();
        boolean[] padded = new ReferenceFeatures(internalTokens, t, config).framesMask().bools();
        return Arrays.copyOf(padded, t);
    }
}
