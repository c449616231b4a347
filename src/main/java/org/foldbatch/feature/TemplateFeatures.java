package org.foldbatch.feature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.foldbatch.input.ProteinChain;
import org.foldbatch.constants.ResidueNames;
import org.foldbatch.input.Template;
import org.foldbatch.structure.MmcifParseException;
import org.foldbatch.structure.MmcifStructure;
import org.foldbatch.constants.ChainType;

/**
 * AlphaFold 3's template features: up to 4 templates per protein chain of more than 4 tokens (the first chain of
 * each entity supplies them), each mapped onto the query by the template's index map, with atoms in the dense
 * ATOM14-order layout of the template residue's type; the slots past a type's atoms repeat its N, as AlphaFold 3's
 * dense-to-atom37 table points them at atom37 index 0. Other chains get empty templates.
 */
final class TemplateFeatures {

    private static final int SLOTS = Tokens.ATOMS_PER_TOKEN;
    private static final Map<String, List<String>> DENSE_ATOMS = Map.ofEntries(
            Map.entry("ALA", List.of("N", "CA", "C", "O", "CB")),
            Map.entry("ARG", List.of("N", "CA", "C", "O", "CB", "CG", "CD", "NE", "CZ", "NH1", "NH2")),
            Map.entry("ASN", List.of("N", "CA", "C", "O", "CB", "CG", "OD1", "ND2")),
            Map.entry("ASP", List.of("N", "CA", "C", "O", "CB", "CG", "OD1", "OD2")),
            Map.entry("CYS", List.of("N", "CA", "C", "O", "CB", "SG")),
            Map.entry("GLN", List.of("N", "CA", "C", "O", "CB", "CG", "CD", "OE1", "NE2")),
            Map.entry("GLU", List.of("N", "CA", "C", "O", "CB", "CG", "CD", "OE1", "OE2")),
            Map.entry("GLY", List.of("N", "CA", "C", "O")),
            Map.entry("HIS", List.of("N", "CA", "C", "O", "CB", "CG", "ND1", "CD2", "CE1", "NE2")),
            Map.entry("ILE", List.of("N", "CA", "C", "O", "CB", "CG1", "CG2", "CD1")),
            Map.entry("LEU", List.of("N", "CA", "C", "O", "CB", "CG", "CD1", "CD2")),
            Map.entry("LYS", List.of("N", "CA", "C", "O", "CB", "CG", "CD", "CE", "NZ")),
            Map.entry("MET", List.of("N", "CA", "C", "O", "CB", "CG", "SD", "CE")),
            Map.entry("PHE", List.of("N", "CA", "C", "O", "CB", "CG", "CD1", "CD2", "CE1", "CE2", "CZ")),
            Map.entry("PRO", List.of("N", "CA", "C", "O", "CB", "CG", "CD")),
            Map.entry("SER", List.of("N", "CA", "C", "O", "CB", "OG")),
            Map.entry("THR", List.of("N", "CA", "C", "O", "CB", "OG1", "CG2")),
            Map.entry("TRP", List.of("N", "CA", "C", "O", "CB", "CG", "CD1", "CD2", "NE1", "CE2", "CE3", "CZ2",
                    "CZ3", "CH2")),
            Map.entry("TYR", List.of("N", "CA", "C", "O", "CB", "CG", "CD1", "CD2", "CE1", "CE2", "CZ", "OH")),
            Map.entry("VAL", List.of("N", "CA", "C", "O", "CB", "CG1", "CG2")));

    /** One chain's templates: [templates][residues], [templates][residues][24][3], [templates][residues][24]. */
    private record ChainTemplates(int[][] aatype, float[][][][] positions, boolean[][][] mask) {
    }

    private TemplateFeatures() {
    }

    static List<Feature> compute(Assembly assembly, Tokens tokens, int n) {
        int max = FeaturiserConfig.MAX_TEMPLATES;
        List<ChainTemplates> chains = new ArrayList<>();
        Map<List<String>, ChainTemplates> byEntity = new HashMap<>();
        List<Integer> widths = new ArrayList<>();
        for (BuiltChain chain : assembly.chains()) {
            List<String> names = tokens.residueOfToken.stream().filter(r -> r.chainId().equals(chain.id()))
                    .map(Residue::name).toList();
            boolean skip = chain.type() != ChainType.PROTEIN || names.size() <= 4;
            widths.add(skip ? names.size() : chain.residues().size());
            if (skip) {
                chains.add(new ChainTemplates(new int[0][], new float[0][][][], new boolean[0][][]));
                continue;
            }
            chains.add(byEntity.computeIfAbsent(names, k -> forChain(assembly.name(), chain, max)));
        }
        int columns = widths.stream().mapToInt(Integer::intValue).sum();
        int[] chainOfColumn = new int[columns];
        int[] columnInChain = new int[columns];
        for (int c = 0, col = 0; c < assembly.chains().size(); c++) {
            for (int i = 0; i < widths.get(c); i++, col++) {
                chainOfColumn[col] = c;
                columnInChain[col] = i;
            }
        }
        int[] aatype = new int[max * n];
        float[] positions = new float[max * n * SLOTS * 3];
        boolean[] mask = new boolean[max * n * SLOTS];
        for (int token = 0; token < tokens.count(); token++) {
            int col = tokens.standardTokenIndex.get(token);
            if (col >= columns) {
                continue;
            }
            ChainTemplates chain = chains.get(chainOfColumn[col]);
            int local = columnInChain[col];
            for (int t = 0; t < chain.aatype().length; t++) {
                aatype[t * n + token] = chain.aatype()[t][local];
                for (int s = 0; s < SLOTS; s++) {
                    int slot = (t * n + token) * SLOTS + s;
                    mask[slot] = chain.mask()[t][local][s];
                    for (int a = 0; a < 3; a++) {
                        positions[slot * 3 + a] = chain.positions()[t][local][s][a];
                    }
                }
            }
        }
        return List.of(Feature.ofInts("template_aatype", aatype, max, n),
                Feature.ofFloats("template_atom_positions", positions, max, n, SLOTS, 3),
                Feature.ofBools("template_atom_mask", mask, max, n, SLOTS));
    }

    /** Chains without templates are as wide as their token count, as in AlphaFold 3 (columns are by standard index). */
    private static ChainTemplates forChain(String inputName, BuiltChain chain, int max) {
        ProteinChain protein = (ProteinChain) chain.input();
        List<Template> templates = protein.templates() == null ? List.of() : protein.templates();
        int length = chain.residues().size();
        int count = Math.min(templates.size(), max);
        int[][] aatype = new int[count][length];
        float[][][][] positions = new float[count][length][SLOTS][3];
        boolean[][][] mask = new boolean[count][length][SLOTS];
        for (int t = 0; t < count; t++) {
            java.util.Arrays.fill(aatype[t], TokenFeatures.GAP);
            MmcifStructure structure;
            try {
                structure = MmcifStructure.fromString(templates.get(t).mmcif(),
                        inputName + " sequences[" + chain.id() + "].templates[" + t + "]",
                        MmcifStructure.Options.TEMPLATE);
            } catch (MmcifParseException e) {
                throw new FeaturisationException(e.getMessage(), e);
            }
            int index = t;
            MmcifStructure.Chain hit = structure.chains().stream().filter(MmcifStructure.Chain::polymer).findFirst()
                    .orElseThrow(() -> new FeaturisationException(inputName + ": sequences[" + chain.id()
                            + "].templates[" + index + "]: the template mmCIF has no polymer chain"));
            for (Map.Entry<Integer, Integer> pair : templates.get(t).queryToTemplateMap().entrySet()) {
                int query = pair.getKey();
                int target = pair.getValue();
                if (query >= length || target >= hit.residues().size()) {
                    throw new FeaturisationException(inputName + ": sequences[" + chain.id() + "].templates[" + t
                            + "]: index pair " + query + " -> " + target + " is outside the query (" + length
                            + ") or template (" + hit.residues().size() + ") residues");
                }
                MmcifStructure.Residue residue = hit.residues().get(target);
                String type = residueType(residue.name());
                aatype[t][query] = type == null ? TokenFeatures.UNK : TokenFeatures.PROTEIN_ORDER.indexOf(type);
                List<String> dense = type == null ? List.of() : DENSE_ATOMS.get(type);
                for (int slot = 0; slot < SLOTS; slot++) {
                    // AlphaFold 3 maps the unused dense slots (and every slot of UNK) to atom37 index 0, N.
                    String name = slot < dense.size() ? dense.get(slot) : "N";
                    MmcifStructure.Atom atom = residue.atoms().stream().filter(a -> a.name().equals(name))
                            .findFirst().orElse(null);
                    if (atom != null) {
                        mask[t][query][slot] = true;
                        positions[t][query][slot][0] = (float) atom.x();
                        positions[t][query][slot][1] = (float) atom.y();
                        positions[t][query][slot][2] = (float) atom.z();
                    }
                }
            }
        }
        return new ChainTemplates(aatype, positions, mask);
    }

    /** The standard type AlphaFold 3's template encoding gives a residue (B→D, U→C, Z→E), {@code null} for X. */
    private static String residueType(String name) {
        char letter = ResidueNames.oneLetter(name, 'X');
        char fixed = letter == 'B' ? 'D' : letter == 'U' ? 'C' : letter == 'Z' ? 'E' : letter;
        return ResidueNames.PROTEIN_ONE_TO_THREE.get(fixed);
    }
}
