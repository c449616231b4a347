package org.foldbatch.model.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.foldbatch.model.NetworkInputs;
import org.foldbatch.records.Record;

/**
 * A random single-chain protein batch of {@code n} tokens with AlphaFold 3's feature keys and atom layouts
 * (flat atoms in token order, 32-atom query blocks, 128-atom key windows centred on each block and shifted inside
 * the real atoms), for benchmarks only: the values mean nothing.
 */
public final class SyntheticBatch {
    static final int SLOTS = 24;

    private SyntheticBatch() {
    }

    public static NetworkInputs protein(int n, int atomsPerToken, int msaRows, int templates, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Record> f = new LinkedHashMap<>();
        int[] aatype = new int[n];
        int[] index = new int[n];
        int[] ones = new int[n];
        boolean[] tokenMask = new boolean[n];
        for (int t = 0; t < n; t++) {
            aatype[t] = r.nextInt(20);
            index[t] = t + 1;
            ones[t] = 1;
            tokenMask[t] = true;
        }
        f.put("aatype", Record.ofInts("", "aatype", new int[] {n}, aatype));
        f.put("residue_index", Record.ofInts("", "residue_index", new int[] {n}, index));
        f.put("token_index", Record.ofInts("", "token_index", new int[] {n}, index));
        for (String k : new String[] {"asym_id", "entity_id", "sym_id"}) {
            f.put(k, Record.ofInts("", k, new int[] {n}, ones));
        }
        f.put("seq_mask", Record.ofBooleans("", "seq_mask", new int[] {n}, tokenMask));

        int[] msa = new int[msaRows * n];
        boolean[] msaMask = new boolean[msaRows * n];
        for (int i = 0; i < msa.length; i++) {
            msa[i] = i < n ? aatype[i] : r.nextInt(21);
            msaMask[i] = true;
        }
        f.put("msa", Record.ofInts("", "msa", new int[] {msaRows, n}, msa));
        f.put("msa_mask", Record.ofBooleans("", "msa_mask", new int[] {msaRows, n}, msaMask));
        f.put("deletion_matrix", Record.ofFloats("", "deletion_matrix", new int[] {msaRows, n},
                new float[msaRows * n]));
        float[] profile = new float[n * 31];
        for (int t = 0; t < n; t++) {
            profile[t * 31 + aatype[t]] = 1f;
        }
        f.put("profile", Record.ofFloats("", "profile", new int[] {n, 31}, profile));
        f.put("deletion_mean", Record.ofFloats("", "deletion_mean", new int[] {n}, new float[n]));
        f.put("template_aatype", Record.ofInts("", "template_aatype", new int[] {templates, n},
                new int[templates * n]));
        f.put("template_atom_positions", Record.ofFloats("", "template_atom_positions",
                new int[] {templates, n, SLOTS, 3}, new float[templates * n * SLOTS * 3]));
        f.put("template_atom_mask", Record.ofBooleans("", "template_atom_mask", new int[] {templates, n, SLOTS},
                new boolean[templates * n * SLOTS]));

        float[] refPos = new float[n * SLOTS * 3];
        boolean[] atomMask = new boolean[n * SLOTS];
        int[] element = new int[n * SLOTS];
        int[] names = new int[n * SLOTS * 4];
        int[] uid = new int[n * SLOTS];
        for (int t = 0; t < n; t++) {
            for (int a = 0; a < atomsPerToken; a++) {
                int s = t * SLOTS + a;
                atomMask[s] = true;
                element[s] = 6 + r.nextInt(3);
                uid[s] = t;
                for (int c = 0; c < 3; c++) {
                    refPos[3 * s + c] = (float) (2 * r.nextDouble() - 1);
                }
                names[4 * s] = 33 + r.nextInt(26);
            }
        }
        f.put("ref_pos", Record.ofFloats("", "ref_pos", new int[] {n, SLOTS, 3}, refPos));
        f.put("ref_mask", Record.ofBooleans("", "ref_mask", new int[] {n, SLOTS}, atomMask));
        f.put("pred_dense_atom_mask", Record.ofBooleans("", "pred_dense_atom_mask", new int[] {n, SLOTS}, atomMask));
        f.put("ref_element", Record.ofInts("", "ref_element", new int[] {n, SLOTS}, element));
        f.put("ref_charge", Record.ofFloats("", "ref_charge", new int[] {n, SLOTS}, new float[n * SLOTS]));
        f.put("ref_atom_name_chars", Record.ofInts("", "ref_atom_name_chars", new int[] {n, SLOTS, 4}, names));
        f.put("ref_space_uid", Record.ofInts("", "ref_space_uid", new int[] {n, SLOTS}, uid));

        int real = n * atomsPerToken;
        int blocks = (n * SLOTS + 31) / 32;
        int[] t2q = new int[blocks * 32];
        int[] tok2q = new int[blocks * 32];
        boolean[] qMask = new boolean[blocks * 32];
        int[] q2ta = new int[n * SLOTS];
        boolean[] q2taMask = new boolean[n * SLOTS];
        for (int i = 0; i < real; i++) {
            int t = i / atomsPerToken;
            int a = i % atomsPerToken;
            t2q[i] = t * SLOTS + a;
            tok2q[i] = t;
            qMask[i] = true;
            q2ta[t * SLOTS + a] = i;
            q2taMask[t * SLOTS + a] = true;
        }
        int[] q2k = new int[blocks * 128];
        int[] tok2k = new int[blocks * 128];
        boolean[] kMask = new boolean[blocks * 128];
        for (int b = 0; b < blocks; b++) {
            int start = 32 * b + 16 - 64;
            if (start < 0) {
                start = 0;
            } else if (start + 127 > real - 1) {
                start = Math.max(0, real - 128);
            }
            for (int k = 0; k < 128; k++) {
                int atom = start + k;
                if (atom < real) {
                    q2k[b * 128 + k] = atom;
                    tok2k[b * 128 + k] = atom / atomsPerToken;
                    kMask[b * 128 + k] = true;
                }
            }
        }
        gather(f, "token_atoms_to_queries", new int[] {blocks, 32}, t2q, qMask);
        gather(f, "tokens_to_queries", new int[] {blocks, 32}, tok2q, qMask);
        gather(f, "queries_to_keys", new int[] {blocks, 128}, q2k, kMask);
        gather(f, "tokens_to_keys", new int[] {blocks, 128}, tok2k, kMask);
        gather(f, "queries_to_token_atoms", new int[] {n, SLOTS}, q2ta, q2taMask);
        int[] pb = new int[n];
        for (int t = 0; t < n; t++) {
            pb[t] = t * SLOTS + 1;
        }
        gather(f, "token_atoms_to_pseudo_beta", new int[] {n}, pb, tokenMask);
        gather(f, "tokens_to_polymer_ligand_bonds", new int[] {n, 2}, new int[n * 2], new boolean[n * 2]);
        gather(f, "tokens_to_ligand_ligand_bonds", new int[] {n, 2}, new int[n * 2], new boolean[n * 2]);
        return new NetworkInputs(f, "synthetic protein of " + n + " tokens");
    }

    private static void gather(Map<String, Record> f, String prefix, int[] shape, int[] idx, boolean[] mask) {
        f.put(prefix + ":gather_idxs", Record.ofInts("", prefix + ":gather_idxs", shape, idx));
        f.put(prefix + ":gather_mask", Record.ofBooleans("", prefix + ":gather_mask", shape, mask));
    }
}
