package org.foldbatch.feature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.foldbatch.constants.ResidueNames;
import org.foldbatch.constants.ChainType;

/** Per-token features: indices, residue types, chain identities and chain-type flags, padded to N tokens. */
final class TokenFeatures {

    static final List<String> PROTEIN_ORDER = List.of("ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY", "HIS",
            "ILE", "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL");
    static final int UNK = 20;
    static final int GAP = 21;
    private static final Map<String, Integer> NUCLEIC_ORDER = Map.of("A", 22, "G", 23, "C", 24, "U", 25, "DA", 26,
            "DG", 27, "DC", 28, "DT", 29, "N", 30);

    private TokenFeatures() {
    }

    static List<Feature> compute(Tokens tokens, int n) {
        int t = tokens.count();
        int[] residueIndex = new int[n];
        int[] tokenIndex = new int[n];
        int[] aatype = new int[n];
        boolean[] mask = new boolean[n];
        int[] asym = new int[n];
        int[] entity = new int[n];
        int[] sym = new int[n];
        boolean[] isProtein = new boolean[n];
        boolean[] isRna = new boolean[n];
        boolean[] isDna = new boolean[n];
        boolean[] isLigand = new boolean[n];
        Map<String, int[]> chainIds = chainIdentities(tokens);
        for (int i = 0; i < t; i++) {
            Residue residue = tokens.residueOfToken.get(i);
            residueIndex[i] = residue.resId();
            tokenIndex[i] = i + 1;
            aatype[i] = aatype(residue.name(), residue.chainType());
            mask[i] = true;
            int[] ids = chainIds.get(residue.chainId());
            asym[i] = ids[0];
            entity[i] = ids[1];
            sym[i] = ids[2];
            isProtein[i] = residue.chainType() == ChainType.PROTEIN;
            isRna[i] = residue.chainType() == ChainType.RNA;
            isDna[i] = residue.chainType() == ChainType.DNA;
            isLigand[i] = residue.chainType().isLigand();
        }
        return List.of(
                Feature.ofInts("residue_index", residueIndex, n),
                Feature.ofInts("token_index", tokenIndex, n),
                Feature.ofInts("aatype", aatype, n),
                Feature.ofBools("seq_mask", mask, n),
                Feature.ofInts("entity_id", entity, n),
                Feature.ofInts("asym_id", asym, n),
                Feature.ofInts("sym_id", sym, n),
                Feature.ofInts("seq_length", new int[]{t}),
                Feature.ofBools("is_protein", isProtein, n),
                Feature.ofBools("is_rna", isRna, n),
                Feature.ofBools("is_dna", isDna, n),
                Feature.ofBools("is_ligand", isLigand, n),
                Feature.ofBools("is_nonstandard_polymer_chain", new boolean[n], n),
                Feature.ofBools("is_water", new boolean[n], n));
    }

    /** Chain id → {asym_id, entity_id, sym_id}: entities are chains with the same token residue-name sequence. */
    static Map<String, int[]> chainIdentities(Tokens tokens) {
        Map<String, List<String>> sequences = new LinkedHashMap<>();
        for (Residue residue : tokens.residueOfToken) {
            sequences.computeIfAbsent(residue.chainId(), k -> new ArrayList<>()).add(residue.name());
        }
        Map<String, int[]> ids = new HashMap<>();
        Map<List<String>, int[]> entities = new HashMap<>();
        int asym = 0;
        for (Map.Entry<String, List<String>> chain : sequences.entrySet()) {
            asym++;
            int[] entity = entities.get(chain.getValue());
            if (entity == null) {
                entity = new int[]{entities.size() + 1, 1};
                entities.put(chain.getValue(), entity);
            } else {
                entity[1]++;
            }
            ids.put(chain.getKey(), new int[]{asym, entity[0], entity[1]});
        }
        return ids;
    }

    /** The residue-type class of a token: parent standard type for polymers, UNK for ligands. */
    static int aatype(String name, ChainType type) {
        switch (type) {
            case PROTEIN -> {
                int index = PROTEIN_ORDER.indexOf(threeLetter(ResidueNames.oneLetter(name, 'X')));
                return index < 0 ? UNK : index;
            }
            case RNA -> {
                char letter = ResidueNames.oneLetter(name, 'N');
                return "AGCU".indexOf(letter) >= 0 ? NUCLEIC_ORDER.get(String.valueOf(letter)) : 30;
            }
            case DNA -> {
                char letter = ResidueNames.oneLetter(name, 'N');
                return "AGCT".indexOf(letter) >= 0 ? NUCLEIC_ORDER.get("D" + letter) : 30;
            }
            default -> {
                return UNK;
            }
        }
    }

    private static String threeLetter(char letter) {
        String code = ResidueNames.PROTEIN_ONE_TO_THREE.get(letter);
        return code == null ? "UNK" : code;
    }
}
