package org.foldbatch.feature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.foldbatch.input.BondAtom;
import org.foldbatch.input.BondedAtomPair;
import org.foldbatch.input.Chain;
import org.foldbatch.input.DnaChain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.RnaChain;
import org.foldbatch.structure.ccd.Ccd;
import org.foldbatch.structure.ccd.ChemComp;
import org.foldbatch.constants.ChainType;
import org.foldbatch.constants.ResidueNames;

/**
 * The structure AlphaFold 3 builds from an input before featurising it, after its cleaning: chains in
 * reverse-spreadsheet order, chains made only of unknown residues dropped, heavy atoms from the component with the
 * linking leaving atoms removed (OXT except on the last residue, OP3 except on the first), and the input's bonds
 * split into polymer–ligand and ligand–ligand bonds in their input orientation (polymer–polymer bonds and bonds
 * inside one residue are dropped, as AlphaFold 3 does; the CCD supplies a residue's own bonds).
 */
record Assembly(String name, List<BuiltChain> chains, List<BondEnd[]> polymerLigandBonds,
                List<BondEnd[]> ligandLigandBonds) {

    static Assembly build(FoldInput input, Ccd ccd) {
        List<Chain> sorted = new ArrayList<>(input.chains());
        sorted.sort(Comparator.comparingLong(c -> chainOrder(c.id())));
        List<BuiltChain> chains = new ArrayList<>();
        Map<String, BuiltChain> byId = new HashMap<>();
        Set<String> bondedAtoms = new java.util.HashSet<>();
        for (BondedAtomPair pair : input.bondedAtomPairs()) {
            for (BondAtom atom : List.of(pair.first(), pair.second())) {
                bondedAtoms.add(atom.chainId() + "\u0000" + atom.residueId() + "\u0000" + atom.atomName());
            }
        }
        for (Chain chain : sorted) {
            BuiltChain built = buildChain(input.name(), chain, ccd, bondedAtoms);
            if (onlyUnknown(built)) {
                continue;
            }
            chains.add(built);
            byId.put(built.id(), built);
        }
        if (chains.isEmpty()) {
            throw new FeaturisationException(input.name() + ": No chains in structure!");
        }
        List<BondEnd[]> polymerLigand = new ArrayList<>();
        List<BondEnd[]> ligandLigand = new ArrayList<>();
        for (int i = 0; i < input.bondedAtomPairs().size(); i++) {
            BondedAtomPair pair = input.bondedAtomPairs().get(i);
            BondEnd first = bondEnd(input.name(), i, 0, pair.first(), byId);
            BondEnd second = bondEnd(input.name(), i, 1, pair.second(), byId);
            if (first == null || second == null || isHydrogen(first, byId) || isHydrogen(second, byId)
                    || outsideLayout(first, byId) || outsideLayout(second, byId)) {
                continue;
            }
            boolean firstPolymer = first.chainType().isPolymer();
            boolean secondPolymer = second.chainType().isPolymer();
            if (firstPolymer && secondPolymer) {
                continue;
            }
            boolean sameResidue = first.chainId().equals(second.chainId()) && first.resId() == second.resId();
            if (sameResidue) {
                continue;
            }
            if (firstPolymer || secondPolymer) {
                polymerLigand.add(new BondEnd[]{first, second});
            } else {
                ligandLigand.add(new BondEnd[]{first, second});
            }
        }
        return new Assembly(input.name(), chains, polymerLigand, ligandLigand);
    }

    /**
     * AlphaFold 3's {@code find_chains_with_unknown_sequence}: the first residue is one of the unknown types and every
     * other residue is that same type (a chain UNL, UNK, ... is kept).
     */
    static boolean onlyUnknown(BuiltChain chain) {
        String first = chain.residues().get(0).name();
        return ResidueNames.UNKNOWN_TYPES.contains(first)
                && chain.residues().stream().allMatch(r -> r.name().equals(first));
    }

    /** AlphaFold 3's chain order: A < B < ... < Z < AA < BA < ... (first character least significant). */
    static long chainOrder(String id) {
        long value = 0;
        long power = 1;
        for (int i = 0; i < id.length(); i++) {
            value += (id.charAt(i) - 'A' + 1) * power;
            power *= 26;
        }
        return value;
    }

    private static BuiltChain buildChain(String inputName, Chain chain, Ccd ccd, Set<String> bondedAtoms) {
        ChainType type;
        List<String> codes;
        ChemComp smilesComponent = null;
        if (chain instanceof ProteinChain p) {
            type = ChainType.PROTEIN;
            codes = p.ccdSequence();
        } else if (chain instanceof RnaChain r) {
            type = ChainType.RNA;
            codes = r.ccdSequence();
        } else if (chain instanceof DnaChain d) {
            type = ChainType.DNA;
            codes = d.ccdSequence();
        } else {
            Ligand l = (Ligand) chain;
            if (l.isSmiles()) {
                type = ChainType.NON_POLYMER;
                smilesComponent = SmilesComponent.of(l.smilesComponentId(), l.smiles(), l.id());
                codes = List.of(l.smilesComponentId());
            } else {
                type = l.ccdCodes().size() > 1 ? ChainType.BRANCHED : ChainType.NON_POLYMER;
                codes = l.ccdCodes();
            }
        }
        List<Residue> residues = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            ChemComp component = smilesComponent != null ? smilesComponent : ccd.find(code).orElseThrow(() ->
                    new FeaturisationException(inputName + ": chain " + chain.id() + " residue " + code
                            + " is not in the chemical component dictionary or the input's userCCD"));
            if (component.atoms().isEmpty()) {
                // AlphaFold 3 fails on such an entry too (it takes the component's first atom to build the residue).
                throw new FeaturisationException(inputName + ": chain " + chain.id() + " residue " + (i + 1) + " "
                        + code + ": the chemical component has no atoms");
            }
            for (ChemComp.Atom atom : component.atoms()) {
                if (atom.name().length() > 4) {
                    // AlphaFold 3 pads every atom name of the component to 4 characters and fails on a longer one.
                    throw new FeaturisationException(inputName + ": chain " + chain.id() + " residue " + (i + 1)
                            + " " + code + ": atom name " + atom.name() + " is longer than 4 characters");
                }
            }
            List<ChemComp.Atom> layout = layoutAtoms(inputName, chain.id(), code, component, ccd);
            boolean first = i == 0;
            boolean last = i == codes.size() - 1;
            List<String> names = new ArrayList<>();
            List<String> elements = new ArrayList<>();
            for (ChemComp.Atom atom : layout) {
                if (atom.isHydrogen() || dropsOnLinking(type, atom.name(), first, last)
                        || dropsGlycanLeavingAtom(type, component, atom.name(),
                        bondedAtoms.contains(chain.id() + "\u0000" + (i + 1) + "\u0000" + atom.name()))) {
                    continue;
                }
                names.add(atom.name());
                elements.add(atom.element());
            }
            if (names.isEmpty()) {
                throw new FeaturisationException(inputName + ": chain " + chain.id() + " residue " + (i + 1) + " "
                        + code + ": the chemical component has no heavy atoms, which Foldbatch does not support");
            }
            residues.add(new Residue(chain.id(), type, i + 1, code, names, elements, component, layout));
        }
        return new BuiltChain(chain.id(), type, chain, residues);
    }

    /**
     * The atoms a residue is laid out with: its component's, except that AlphaFold 3 lays out {@code UNK} with
     * glycine's atoms (N, CA, C, O, OXT) because the CCD's UNK carries a CB and a CG; reference features still come
     * from UNK's own entry, which has those five atoms too.
     */
    private static List<ChemComp.Atom> layoutAtoms(String inputName, String chainId, String code, ChemComp component,
                                                   Ccd ccd) {
        if (!code.equals(ResidueNames.UNKNOWN_PROTEIN)) {
            return component.atoms();
        }
        return ccd.find(ResidueNames.UNKNOWN_PROTEIN_LAYOUT).orElseThrow(() -> new FeaturisationException(inputName
                + ": chain " + chainId + " has residue UNK, which AlphaFold 3 lays out with the atoms of "
                + ResidueNames.UNKNOWN_PROTEIN_LAYOUT + ", and " + ResidueNames.UNKNOWN_PROTEIN_LAYOUT
                + " is not in the chemical component dictionary or the input's userCCD")).atoms();
    }

    private static boolean dropsOnLinking(ChainType type, String atomName, boolean first, boolean last) {
        if (type == ChainType.PROTEIN) {
            return !last && atomName.equals("OXT");
        }
        if (type.isNucleic()) {
            return !first && atomName.equals("OP3");
        }
        return false;
    }

    /**
     * AlphaFold 3 drops a glycan's O1 leaving atom unless a bond uses it (standalone glycans included, as it was
     * trained). Its glycan lists are approximated here by the CCD type: any saccharide component.
     */
    private static boolean dropsGlycanLeavingAtom(ChainType type, ChemComp component, String atomName,
                                                  boolean bonded) {
        return type.isLigand() && atomName.equals("O1") && !bonded && component.type() != null
                && component.type().toLowerCase(java.util.Locale.ROOT).contains("saccharide");
    }

    private static BondEnd bondEnd(String inputName, int bond, int end, BondAtom atom, Map<String, BuiltChain> byId) {
        BuiltChain chain = byId.get(atom.chainId());
        if (chain == null) {
            return null;
        }
        Residue residue = chain.residues().get(atom.residueId() - 1);
        if (!residue.component().hasAtom(atom.atomName())) {
            throw new FeaturisationException(inputName + ": bondedAtomPairs[" + bond + "][" + end + "]: bonded atom \""
                    + atom.atomName() + "\" was not found in the list of atoms of the chemical component "
                    + residue.name() + " (chain_id=" + atom.chainId() + ", res_id=" + atom.residueId() + ")");
        }
        return new BondEnd(chain.id(), chain.type(), atom.residueId(), atom.atomName());
    }

    /**
     * AlphaFold 3 drops atoms its residue layout does not have before it reads bonds ({@code drop_non_standard_atoms}),
     * which only matters for UNK: a bond to its CB or CG (atoms of the CCD's UNK, not of glycine) disappears.
     */
    private static boolean outsideLayout(BondEnd end, Map<String, BuiltChain> byId) {
        Residue residue = byId.get(end.chainId()).residues().get(end.resId() - 1);
        return residue.layoutAtoms().stream().noneMatch(a -> a.name().equals(end.atomName()));
    }

    private static boolean isHydrogen(BondEnd end, Map<String, BuiltChain> byId) {
        Residue residue = byId.get(end.chainId()).residues().get(end.resId() - 1);
        return residue.component().atoms().stream()
                .anyMatch(a -> a.name().equals(end.atomName()) && a.isHydrogen());
    }
}
