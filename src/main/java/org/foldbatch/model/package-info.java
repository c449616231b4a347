/**
 * The AlphaFold 3 network in TensorFlow Java (graph mode), module by module under AlphaFold 3's own Haiku names.
 *
 * <p>Building blocks: {@link org.foldbatch.model.Layers} (scope, layer-stack slice, activation type; Linear with
 * Haiku weight shapes, LayerNorm with f32 statistics), {@link org.foldbatch.model.GraphParameters} (weights in resource
 * variables, uploaded once per session). Trunk modules: {@link org.foldbatch.model.TransitionBlock},
 * {@link org.foldbatch.model.TriangleMultiplication}, {@link org.foldbatch.model.GridSelfAttention},
 * {@link org.foldbatch.model.OuterProductMean}, {@link org.foldbatch.model.MsaAttention},
 * {@link org.foldbatch.model.SingleAttention}, {@link org.foldbatch.model.PairformerIteration},
 * {@link org.foldbatch.model.EvoformerIteration}, {@link org.foldbatch.model.TemplateEmbedding},
 * {@link org.foldbatch.model.AtomCrossAttEncoder} with {@link org.foldbatch.model.CrossAttTransformer},
 * {@link org.foldbatch.model.EvoformerPass}, and the runner {@link org.foldbatch.model.Trunk}. After the trunk:
 * {@link org.foldbatch.model.DiffusionHead} (conditioning, {@link org.foldbatch.model.NoiseEmbedding}, atom encoder
 * and decoder, {@link org.foldbatch.model.DiffusionTransformer}), {@link org.foldbatch.model.DiffusionSampler},
 * {@link org.foldbatch.model.ConfidenceHead}, {@link org.foldbatch.model.DistogramHead}, run by
 * {@link org.foldbatch.model.StructureHeads}. The entry point is {@link org.foldbatch.model.FoldModel} (graphs per
 * bucket, built once; randomness injected through {@link org.foldbatch.model.NoiseSource}; results in
 * {@link org.foldbatch.model.ModelOutput}); {@link org.foldbatch.model.RandomWeights} writes test-only weights and
 * {@link org.foldbatch.model.XlaCompilationCache} documents TensorFlow's persistent XLA cache.
 *
 * <p>Precision: {@link org.foldbatch.model.Precision#BFLOAT16} is AlphaFold 3's {@code bfloat16='all'} policy for
 * the official model; {@link org.foldbatch.model.Precision#FLOAT32} is all-f32 and matches the reference vectors.
 * On CPU every f32 matmul is full precision. On Ampere and newer GPUs TensorFlow uses TF32 for f32 matmuls unless the
 * process runs with {@code NVIDIA_TF32_OVERRIDE=0}; set it for f32 parity.
 *
 * <p>Knobs that keep the numbers: {@link org.foldbatch.model.TrunkOptions} (AlphaFold 3's
 * {@code pair_transition_shard_spec} and {@code pair_attention_chunk_size}, lowering peak memory) and
 * {@link org.foldbatch.model.RuntimeOptions} (intra/inter-op threads, XLA JIT, GPU memory fraction, preallocation,
 * unified memory). GPU: build with {@code mvn -Pgpu} (native classifier {@code linux-x86_64-gpu}, CUDA 12).
 */
package org.foldbatch.model;
