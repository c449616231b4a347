package org.foldbatch.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * Template embedding ({@code TemplateEmbedding} with its {@code single_template_embedding}): per template slot the
 * pseudo-β distogram, aatype one-hots, backbone-frame unit vectors and masks plus the normalised query pair go
 * through a Pairformer stack without single track; the slots are summed, divided by the slot count, and projected
 * back to the pair width. Returns the pair update.
 */
public final class TemplateEmbedding {
    /** Residue types in AlphaFold 3's alphabet (20 amino acids, UNK, gap, 9 nucleic types). */
    public static final int NUM_RESTYPES = 31;
    public static final int ATOMS_PER_TOKEN = 24;
    private static final float UNIT_EPS = 1e-6f;
    private static final float SLOT_EPS = 1e-7f;

    /** Dense (ATOM14-order) index of the pseudo-β atom: CB, CA for glycine; 0 for types without a protein layout. */
    static final int[] PSEUDO_BETA_INDEX = pseudoBetaIndex();
    /** Dense indices of the backbone frame atoms N, CA, C (0, 0, 0 where there is no protein frame). */
    static final int[][] BACKBONE = backbone();

    /** Distogram bins of the template features (AlphaFold 3: 3.25 to 50.75 Å, 39 bins). */
    public record DgramFeatures(double minBin, double maxBin, int numBins) {
        public static final DgramFeatures DEFAULT = new DgramFeatures(3.25, 50.75, 39);
    }

    private TemplateEmbedding() {
    }

    private static int[] pseudoBetaIndex() {
        int[] idx = new int[NUM_RESTYPES];
        for (int r = 0; r < 20; r++) {
            idx[r] = r == 7 ? 1 : 4;
        }
        return idx;
    }

    private static int[][] backbone() {
        int[][] idx = new int[3][NUM_RESTYPES];
        for (int r = 0; r < 20; r++) {
            idx[0][r] = 0;
            idx[1][r] = 1;
            idx[2][r] = 2;
        }
        return idx;
    }

    /**
     * @param nn scoped at {@code template_embedding}
     * @param aatype {@code [T, N]} int32
     * @param positions {@code [T, N, 24, 3]}
     * @param atomMask {@code [T, N, 24]} as 0/1 floats
     * @param paddingMask2d pair mask {@code [N, N]}
     * @param multichainMask2d same-chain mask {@code [N, N]}
     */
    public static <T extends TFloating> Operand<T> apply(Layers<T> nn, Operand<T> queryEmbedding,
            Operand<TInt32> aatype, Operand<TFloat32> positions, Operand<TFloat32> atomMask, Operand<T> paddingMask2d,
            Operand<T> multichainMask2d, DgramFeatures dgram) {
        Ops tf = nn.tf();
        int numTemplates = (int) Layers.dims(aatype)[0];
        Layers<T> single = nn.child("single_template_embedding");
        Operand<T> sum = null;
        for (int t = 0; t < numTemplates; t++) {
            Operand<T> emb = singleTemplate(single, queryEmbedding, tf.gather(aatype, tf.constant(t), tf.constant(0)),
                    tf.gather(positions, tf.constant(t), tf.constant(0)),
                    tf.gather(atomMask, tf.constant(t), tf.constant(0)), paddingMask2d, multichainMask2d, dgram);
            sum = sum == null ? emb : nn.add(sum, emb);
        }
        if (sum == null) {
            throw new IllegalArgumentException("template embedding needs at least one template slot");
        }
        Operand<T> avg = tf.math.div(sum, nn.scalar(SLOT_EPS + numTemplates));
        return nn.linear(tf.nn.relu(avg), "output_linear");
    }

    static <T extends TFloating> Operand<T> singleTemplate(Layers<T> nn, Operand<T> query, Operand<TInt32> aatype,
            Operand<TFloat32> positions, Operand<TFloat32> atomMask, Operand<T> paddingMask2d,
            Operand<T> multichainMask2d, DgramFeatures dgramFeatures) {
        Ops tf = nn.tf();
        Operand<TFloat32> multichain = nn.f32(multichainMask2d);
        Operand<TFloat32> pos = tf.math.mul(positions, tf.expandDims(atomMask, tf.constant(-1)));

        Operand<TFloat32> pbSelect = select(tf, PSEUDO_BETA_INDEX, aatype);
        Operand<TFloat32> pseudoBeta = tf.linalg.einsum(List.of(pbSelect, pos), "na,nax->nx");
        Operand<TFloat32> pbMask = tf.sum(tf.math.mul(pbSelect, atomMask), tf.constant(-1));
        Operand<TFloat32> pbMask2d = tf.math.mul(outer(tf, pbMask), multichain);
        Operand<TFloat32> dgram = tf.math.mul(distogram(tf, pseudoBeta, dgramFeatures),
                tf.expandDims(pbMask2d, tf.constant(-1)));

        Operand<TFloat32> restype = tf.oneHot(aatype, tf.constant(NUM_RESTYPES), tf.constant(1f), tf.constant(0f));
        long n = Layers.dims(aatype)[0];
        Operand<TFloat32> aatypeJ = tf.broadcastTo(tf.expandDims(restype, tf.constant(0)),
                tf.constant(new long[] {n, n, NUM_RESTYPES}));
        Operand<TFloat32> aatypeI = tf.broadcastTo(tf.expandDims(restype, tf.constant(1)),
                tf.constant(new long[] {n, n, NUM_RESTYPES}));

        Operand<TFloat32> selN = select(tf, BACKBONE[0], aatype);
        Operand<TFloat32> selCa = select(tf, BACKBONE[1], aatype);
        Operand<TFloat32> selC = select(tf, BACKBONE[2], aatype);
        Operand<TFloat32> atomN = tf.linalg.einsum(List.of(selN, pos), "na,nax->nx");
        Operand<TFloat32> atomCa = tf.linalg.einsum(List.of(selCa, pos), "na,nax->nx");
        Operand<TFloat32> atomC = tf.linalg.einsum(List.of(selC, pos), "na,nax->nx");
        Operand<TFloat32> bbMask = tf.math.mul(tf.math.mul(pick(tf, selN, atomMask), pick(tf, selCa, atomMask)),
                pick(tf, selC, atomMask));
        Operand<TFloat32> e0 = normalized(tf, tf.math.sub(atomC, atomCa));
        Operand<TFloat32> v1 = tf.math.sub(atomN, atomCa);
        Operand<TFloat32> e1 = normalized(tf, tf.math.sub(v1, tf.math.mul(e0, dot(tf, v1, e0))));
        Operand<TFloat32> e2 = cross(tf, e0, e1);
        Operand<TFloat32> rotT = tf.stack(List.of(e0, e1, e2), org.tensorflow.op.core.Stack.axis(1L));
        // v[i, j] = R_iᵀ·CA_j + (−R_iᵀ·CA_i), the rigid inverse applied to every CA, as AlphaFold 3 computes it.
        Operand<TFloat32> rotated = tf.linalg.einsum(List.of(rotT, atomCa), "irx,jx->ijr");
        Operand<TFloat32> own = tf.linalg.einsum(List.of(rotT, tf.math.neg(atomCa)), "irx,ix->ir");
        Operand<TFloat32> v = tf.math.add(rotated, tf.expandDims(own, tf.constant(1)));
        Operand<TFloat32> bbMask2d = tf.math.mul(outer(tf, bbMask), multichain);
        Operand<TFloat32> unit = tf.math.mul(normalized(tf, v), tf.expandDims(bbMask2d, tf.constant(-1)));

        List<Operand<T>> terms = new ArrayList<>();
        terms.add(nn.linear(nn.cast(dgram), "template_pair_embedding_0"));
        terms.add(nn.linearScalar(nn.cast(pbMask2d), "template_pair_embedding_1"));
        terms.add(nn.linear(nn.cast(aatypeJ), "template_pair_embedding_2"));
        terms.add(nn.linear(nn.cast(aatypeI), "template_pair_embedding_3"));
        for (int c = 0; c < 3; c++) {
            Operand<TFloat32> comp = tf.squeeze(tf.gather(unit, tf.constant(new int[] {c}), tf.constant(2)),
                    org.tensorflow.op.core.Squeeze.axis(List.of(2L)));
            terms.add(nn.linearScalar(nn.cast(comp), "template_pair_embedding_" + (4 + c)));
        }
        terms.add(nn.linearScalar(nn.cast(bbMask2d), "template_pair_embedding_7"));
        terms.add(nn.linear(nn.layerNorm(query, "query_embedding_norm"), "template_pair_embedding_8"));
        Operand<T> act = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            act = nn.add(act, terms.get(i));
        }

        Layers<T> stack = nn.child("__layer_stack_no_per_layer").child("template_embedding_iteration");
        int layers = stackDepth(stack);
        for (int l = 0; l < layers; l++) {
            act = PairformerIteration.apply(stack.layer(l), act, paddingMask2d, null, null).pair();
        }
        return nn.layerNorm(act, "output_layer_norm");
    }

    /** Number of layers of a stacked block, read from a parameter's leading axis. */
    static <T extends TFloating> int stackDepth(Layers<T> block) {
        return block.stackDepth("pair_transition/transition2", "weights");
    }

    private static Operand<TFloat32> select(Ops tf, int[] table, Operand<TInt32> aatype) {
        Operand<TInt32> idx = tf.gather(tf.constant(table), aatype, tf.constant(0));
        return tf.oneHot(idx, tf.constant(ATOMS_PER_TOKEN), tf.constant(1f), tf.constant(0f));
    }

    private static Operand<TFloat32> pick(Ops tf, Operand<TFloat32> selection, Operand<TFloat32> atomMask) {
        return tf.sum(tf.math.mul(selection, atomMask), tf.constant(-1));
    }

    private static Operand<TFloat32> outer(Ops tf, Operand<TFloat32> m) {
        return tf.math.mul(tf.expandDims(m, tf.constant(1)), tf.expandDims(m, tf.constant(0)));
    }

    private static Operand<TFloat32> dot(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
        return tf.sum(tf.math.mul(a, b), tf.constant(-1), Sum.keepDims(true));
    }

    /** {@code v / sqrt(max(|v|², eps²))}, AlphaFold 3's {@code Vec3Array.normalized}. */
    private static Operand<TFloat32> normalized(Ops tf, Operand<TFloat32> v) {
        Operand<TFloat32> norm2 = dot(tf, v, v);
        return tf.math.div(v, tf.math.sqrt(tf.math.maximum(norm2, tf.constant(UNIT_EPS * UNIT_EPS))));
    }

    private static Operand<TFloat32> cross(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
        Operand<TFloat32> a1 = roll(tf, a, 1);
        Operand<TFloat32> a2 = roll(tf, a, 2);
        Operand<TFloat32> b1 = roll(tf, b, 1);
        Operand<TFloat32> b2 = roll(tf, b, 2);
        return tf.math.sub(tf.math.mul(a1, b2), tf.math.mul(a2, b1));
    }

    /** Components {@code (k, k+1, k+2) mod 3} of the last axis. */
    private static Operand<TFloat32> roll(Ops tf, Operand<TFloat32> v, int k) {
        return tf.gather(v, tf.constant(new int[] {k % 3, (k + 1) % 3, (k + 2) % 3}), tf.constant(-1));
    }

    static Operand<TFloat32> distogram(Ops tf, Operand<TFloat32> positions, DgramFeatures f) {
        float[] lower = new float[f.numBins()];
        float[] upper = new float[f.numBins()];
        double step = (f.maxBin() - f.minBin()) / (f.numBins() - 1);
        for (int k = 0; k < f.numBins(); k++) {
            float edge = (float) (f.minBin() + k * step);
            lower[k] = edge * edge;
        }
        for (int k = 0; k < f.numBins(); k++) {
            upper[k] = k + 1 < f.numBins() ? lower[k + 1] : 1e8f;
        }
        Operand<TFloat32> diff = tf.math.sub(tf.expandDims(positions, tf.constant(-2)),
                tf.expandDims(positions, tf.constant(-3)));
        Operand<TFloat32> d2 = tf.sum(tf.math.square(diff), tf.constant(-1), Sum.keepDims(true));
        Operand<TFloat32> above = tf.dtypes.cast(tf.math.greater(d2, tf.constant(lower)), TFloat32.class);
        Operand<TFloat32> below = tf.dtypes.cast(tf.math.less(d2, tf.constant(upper)), TFloat32.class);
        return tf.math.mul(above, below);
    }
}
