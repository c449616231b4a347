package org.foldbatch.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One AlphaFold 3 confidence reference case (the format of {@code af3-reference/confidences/README.md}): the network
 * outputs as logits with the chain/token/atom layout, and what AlphaFold 3's post-processing made of them. {@link
 * #run()} pushes the logits through Foldbatch's production path: the TensorFlow read-outs of the confidence and
 * distogram heads ({@link HeadReadouts}) on a batch padded by {@link #PADDING} tokens, then {@link DenseToFlat}'s
 * gather and crop.
 */
record ConfidenceCase(String name, JsonNode root, StructureLayout layout, List<List<String>> tokenSlots) {

    /** Padding tokens added to the batch, as in the harness that made the goldens (AF3 crops them away). */
    static final int PADDING = 2;
    private static final int SLOTS = 24;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    static ConfidenceCase read(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            String name = file.getFileName().toString().replaceFirst("\\.json\\.gz$", "");
            return of(name, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static ConfidenceCase of(String name, JsonNode root) {
        JsonNode in = root.path("inputs");
        var chains = new ArrayList<StructureLayout.Chain>();
        Map<String, Integer> chainIndex = new HashMap<>();
        for (JsonNode c : in.path("chains")) {
            var residues = new ArrayList<StructureLayout.Residue>();
            int id = 1;
            for (JsonNode r : c.path("residues")) {
                residues.add(new StructureLayout.Residue(id++, r.asString()));
            }
            chainIndex.put(c.path("id").asString(), chains.size());
            chains.add(new StructureLayout.Chain(c.path("id").asString(), kind(c.path("type").asString()), residues));
        }
        JsonNode tokens = in.path("tokens");
        int t = in.path("num_tokens").asInt();
        int[] tokenChain = new int[t];
        int[] tokenResidue = new int[t];
        boolean[] frames = new boolean[t];
        for (int i = 0; i < t; i++) {
            tokenChain[i] = chainIndex.get(tokens.path("chain_id").get(i).asString());
            tokenResidue[i] = tokens.path("residue_index").get(i).asInt();
            frames[i] = tokens.path("frame_mask").get(i).asBoolean();
        }
        JsonNode atoms = in.path("atoms");
        int a = in.path("num_atoms").asInt();
        var layoutAtoms = new ArrayList<StructureLayout.Atom>(a);
        var slots = new ArrayList<List<String>>();
        for (int i = 0; i < t; i++) {
            slots.add(new ArrayList<>());
        }
        for (int i = 0; i < a; i++) {
            String atomName = atoms.path("atom_name").get(i).asString();
            layoutAtoms.add(new StructureLayout.Atom(chainIndex.get(atoms.path("chain_id").get(i).asString()),
                    atoms.path("res_id").get(i).asInt(), atomName, atoms.path("element").get(i).asString()));
            slots.get(atoms.path("token_index").get(i).asInt()).add(atomName);
        }
        var layout = new StructureLayout(name, chains, tokenChain, tokenResidue, frames, layoutAtoms, List.of(),
                List.of());
        return new ConfidenceCase(name, root, layout, slots);
    }

    private static ChainKind kind(String type) {
        return switch (type) {
            case "polypeptide(L)" -> ChainKind.PROTEIN;
            case "polyribonucleotide" -> ChainKind.RNA;
            case "polydeoxyribonucleotide" -> ChainKind.DNA;
            case "non-polymer" -> ChainKind.LIGAND;
            default -> throw new IllegalArgumentException("chain type " + type + " is not one of the README's");
        };
    }

    JsonNode outputs() {
        return root.path("outputs");
    }

    JsonNode intermediates() {
        return root.path("intermediates");
    }

    /** The sample as Foldbatch's production path makes it from this case's logits and coordinates. */
    SampleResult run() {
        int t = layout.numTokens();
        int n = t + PADDING;
        JsonNode in = root.path("inputs");
        float[] pae = pairLogits(in.path("pae_logits"), n);
        float[] half = pairLogits(in.path("distogram_half_logits"), n);
        int plddtBins = HeadReadouts.PLDDT_BINS;
        float[] plddtLogits = new float[n * SLOTS * plddtBins];
        float[] positions = new float[n * SLOTS * 3];
        int[] slotOfAtom = denseSlots();
        for (int a = 0; a < layout.numAtoms(); a++) {
            JsonNode logits = in.path("plddt_logits").get(a);
            for (int k = 0; k < plddtBins; k++) {
                plddtLogits[slotOfAtom[a] * plddtBins + k] = f32(logits.get(k));
            }
            for (int d = 0; d < 3; d++) {
                positions[slotOfAtom[a] * 3 + d] = f32(in.path("atoms").path("coords").get(a).get(d));
            }
        }
        float[] seqMask = new float[n];
        int[] asym = new int[n];
        for (int i = 0; i < t; i++) {
            seqMask[i] = 1f;
            asym[i] = in.path("tokens").path("asym_id").get(i).asInt();
        }
        var readouts = HeadReadouts.of(pae, plddtLogits, half, seqMask, asym);
        return readouts.sample(DenseToFlat.of(layout, tokenSlots), 0, 0, positions, readouts.contactProbs());
    }

    private int[] denseSlots() {
        int[] slot = new int[layout.numAtoms()];
        int[] used = new int[layout.numTokens()];
        JsonNode tokenIndex = root.path("inputs").path("atoms").path("token_index");
        for (int a = 0; a < slot.length; a++) {
            int token = tokenIndex.get(a).asInt();
            slot[a] = token * SLOTS + used[token]++;
        }
        return slot;
    }

    private static float[] pairLogits(JsonNode logits, int n) {
        int t = logits.size();
        int bins = logits.get(0).get(0).size();
        float[] out = new float[n * n * bins];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                JsonNode v = logits.get(i).get(j);
                for (int k = 0; k < bins; k++) {
                    out[(i * n + j) * bins + k] = f32(v.get(k));
                }
            }
        }
        return out;
    }

    /** A float32 written in shortest form, parsed as float32 (parsing via double could round twice). */
    static float f32(JsonNode v) {
        return Float.parseFloat(v.decimalValue().toString());
    }

    /** A float64 value, NaN for {@code null}. */
    static double f64(JsonNode v) {
        return v.isNull() ? Double.NaN : v.doubleValue();
    }

    static float[][] f32Matrix(JsonNode m) {
        var out = new float[m.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[m.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = m.get(i).get(j).isNull() ? Float.NaN : f32(m.get(i).get(j));
            }
        }
        return out;
    }

    static double[][] f64Matrix(JsonNode m) {
        var out = new double[m.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = f64Vector(m.get(i));
        }
        return out;
    }

    static double[] f64Vector(JsonNode v) {
        var out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f64(v.get(i));
        }
        return out;
    }
}
