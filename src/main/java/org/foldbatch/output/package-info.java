/**
 * AlphaFold 3's post-network work (GitHub issue #7), from plain arrays: confidence metrics and the output files.
 *
 * <p>Inputs: a {@link org.foldbatch.output.StructureLayout} (chains, tokens, flat output atoms, bonds, chemical
 * components) filled from the featurisation, and per sample a {@link org.foldbatch.output.SampleResult} (positions,
 * pLDDT, PAE, TM-adjusted PAE, contact probabilities) as the network's confidence head returns them.
 * {@link org.foldbatch.output.Confidences} computes pTM, ipTM, chain-pair scores,
 * {@link org.foldbatch.output.Clashes has_clash}, {@link org.foldbatch.output.Disorder fraction_disordered} and the
 * ranking score; {@link org.foldbatch.output.PredictionWriter} writes AF3's files in
 * {@link org.foldbatch.output.OutputLayout} through {@link org.foldbatch.output.AtomicFiles} (temp file + rename).
 *
 * <p>From a completed input and the network: {@link org.foldbatch.output.OutputStructures#layout} builds the
 * {@code StructureLayout} with the featuriser's own structure building, and {@link org.foldbatch.output.DenseToFlat}
 * gathers the network's dense per-token atom arrays ({@code [N][24]...}, padded) to the layout's atoms and crops
 * token-pair arrays to the real tokens.
 *
 * <p>Known differences from AF3: relative ASA is a reimplementation of DSSP's surface calculation
 * ({@link org.foldbatch.output.RelativeAsa}), not mkdssp itself; the mmCIF metadata (software, authors, data usage)
 * is Foldbatch's own text and there is no TERMS_OF_USE.md; {@code _ma_qa_metric_local} is written, which AF3 3.0.0
 * files lack.
 */
package org.foldbatch.output;
