package org.foldbatch.model.bench;

import org.foldbatch.model.Trunk;

/**
 * Multiply-adds of one denoiser call (one diffusion step) at AlphaFold 3's official widths, counted as 2 FLOPs,
 * matmuls and attention only (as {@link PairformerBenchmark#blockFlops}), split into what the samples of a step
 * share (everything computed from the conditioning: the adaptive LayerNorm and zero-init projections, the pair
 * logits, the single conditioning) and what each sample adds (the 24-block token transformer and the 3+3 atom
 * transformer blocks on its own activations). On a machine whose speed is bound by arithmetic, k samples cost at
 * least {@code (shared + k * perSample) / (shared + perSample)} times one sample.
 *
 * @param shared GFLOP computed once per step whatever the number of samples
 * @param perSample GFLOP each sample adds
 */
record DenoiserFlops(double shared, double perSample) {

    static final double TOKEN_WIDTH = 768;
    static final double TOKEN_BLOCKS = 24;
    static final double TOKEN_HEADS = 16;
    static final double SINGLE_COND = 384;
    static final double PAIR_COND = 128;
    static final double ATOM_WIDTH = 128;
    static final double ATOM_BLOCKS = 3 + 3;
    static final double FOURIER = 256;

    static DenoiserFlops of(Trunk.Dims dims) {
        double n = dims.numTokens();
        double atoms = (double) dims.queryBlocks() * dims.queriesPerBlock();
        double keys = (double) dims.queryBlocks() * dims.keysPerBlock();
        double c = TOKEN_WIDTH;
        double cs = SINGLE_COND;
        double ca = ATOM_WIDTH;
        // single conditioning (+ noise embedding and two transitions), pair logits for every block and head,
        // per token block 2 adaptive LayerNorms (scale and bias) + 2 zero-init gates from the conditioning,
        // the token activations' conditioning, and the atom blocks' conditioned LayerNorms and gates
        double sharedMacs = n * (cs + dims.targetFeatWidth()) * cs + n * FOURIER * cs
                + 2 * n * (cs * 4 * cs + 2 * cs * cs)
                + n * n * PAIR_COND * TOKEN_BLOCKS * TOKEN_HEADS
                + TOKEN_BLOCKS * 6 * n * cs * c
                + n * cs * c
                + ATOM_BLOCKS * 6 * atoms * ca * ca;
        // per token block: q, k, v, gate and output projections, logits and weighted sum, SwiGLU transition
        double tokenBlock = 5 * n * c * c + 2 * n * n * c + n * c * 4 * c + n * 2 * c * c;
        // per atom block: q, gate, output and transition on the queries, k and v on the gathered keys, attention
        double atomBlock = 3 * atoms * ca * ca + 6 * atoms * ca * ca + 2 * keys * ca * ca + 2 * atoms
                * dims.keysPerBlock() * ca;
        // atoms to tokens in the encoder, tokens back to atoms in the decoder
        double perSampleMacs = TOKEN_BLOCKS * tokenBlock + ATOM_BLOCKS * atomBlock + atoms * ca * c + n * c * ca;
        return new DenoiserFlops(2 * sharedMacs / 1e9, 2 * perSampleMacs / 1e9);
    }

    double gflop(int samples) {
        return shared + samples * perSample;
    }

    /** The least k-sample step / 1-sample step ratio on a machine bound by arithmetic. */
    double floorRatio(int samples) {
        return gflop(samples) / gflop(1);
    }
}
