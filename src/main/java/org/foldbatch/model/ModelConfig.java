package org.foldbatch.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AlphaFold 3's model configuration, mirroring {@code model_config.json} field by field (snake_case there,
 * camelCase here). Any dimensions load, so the official config and the tiny reference config share one type.
 */
public record ModelConfig(EvoformerConfig evoformer, GlobalConfig globalConfig, HeadsConfig heads, int numRecycles,
        boolean returnEmbeddings, boolean returnDistogram) {

    public record GlobalConfig(String bfloat16, String finalInit, String flashAttentionImplementation,
            ShardSpec pairAttentionChunkSize, ShardSpec pairTransitionShardSpec) {
        public Precision precision() {
            return switch (bfloat16) {
                case "all" -> Precision.BFLOAT16;
                case "none" -> Precision.FLOAT32;
                default -> throw new IllegalArgumentException("global_config.bfloat16: the trunk supports 'all' or "
                        + "'none', not '" + bfloat16 + "'");
            };
        }
    }

    public record AttentionConfig(int numHead, Integer keyDim, Integer valueDim) {
    }

    public record TransitionConfig(int numIntermediateFactor, boolean useGluKernel) {
    }

    public record TriangleMultiplicationConfig(String equation, boolean useGluKernel) {
    }

    public record OuterProductMeanConfig(int chunkSize, int numOuterChannel) {
    }

    public record PairformerConfig(int numLayer, AttentionConfig pairAttention, TransitionConfig pairTransition,
            AttentionConfig singleAttention, TransitionConfig singleTransition,
            TriangleMultiplicationConfig triangleMultiplicationIncoming,
            TriangleMultiplicationConfig triangleMultiplicationOutgoing, boolean shardTransitionBlocks) {
    }

    public record MsaStackConfig(int numLayer, AttentionConfig msaAttention, TransitionConfig msaTransition,
            OuterProductMeanConfig outerProductMean, AttentionConfig pairAttention, TransitionConfig pairTransition,
            TriangleMultiplicationConfig triangleMultiplicationIncoming,
            TriangleMultiplicationConfig triangleMultiplicationOutgoing, boolean shardTransitionBlocks) {
    }

    public record DgramConfig(double minBin, double maxBin, int numBins) {
        public TemplateEmbedding.DgramFeatures features() {
            return new TemplateEmbedding.DgramFeatures(minBin, maxBin, numBins);
        }
    }

    public record TemplateConfig(int numChannels, PairformerConfig templateStack, DgramConfig dgramFeatures) {
    }

    public record AtomTransformerConfig(AttentionConfig attention, int numBlocks, int numIntermediateFactor) {
    }

    public record PerAtomConditioningConfig(int perTokenChannels, int perAtomChannels, int perAtomPairChannels,
            AtomTransformerConfig atomTransformer) {
    }

    public record EvoformerConfig(int seqChannel, int pairChannel, int msaChannel, int numMsa, int maxRelativeIdx,
            int maxRelativeChain, MsaStackConfig msaStack, PairformerConfig pairformer,
            PerAtomConditioningConfig perAtomConditioning, TemplateConfig template) {
    }

    /**
     * The head sections as parsed JSON; each head reads its own settings ({@code DiffusionSampler.Config.fromJson},
     * {@code ConfidenceHead.Settings.fromJson}, {@code DistogramHead.Bins.fromJson}); network sizes come from the
     * weights' shapes.
     */
    public record HeadsConfig(JsonNode diffusion, JsonNode confidence, JsonNode distogram) {
    }

    /** The reduced configuration of {@code WeightsSchema.small()}: AlphaFold 3's tiny reference model sizes. */
    public static ModelConfig small() {
        return resource("model-config-small.json");
    }

    /** AlphaFold 3's own configuration, the one its published weights were trained with. */
    public static ModelConfig official() {
        return resource("model-config.json");
    }

    private static ModelConfig resource(String name) {
        try (java.io.InputStream in = ModelConfig.class.getResourceAsStream(name)) {
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This configuration with another number of recycles; negative keeps the configured one. */
    public ModelConfig withRecycles(int recycles) {
        if (recycles < 0) {
            return this;
        }
        return new ModelConfig(evoformer, globalConfig, heads, recycles, returnEmbeddings, returnDistogram);
    }

    public static ModelConfig load(Path json) {
        try {
            return parse(Files.readString(json), json.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(json + ": " + e.getMessage(), e);
        }
    }

    public static ModelConfig parse(String json, String source) {
        return fromJson(JsonMapper.builder().build().readTree(json), source);
    }

    public static ModelConfig fromJson(JsonNode root, String source) {
        Reader r = new Reader(source);
        JsonNode evo = r.obj(root, "evoformer", "$");
        JsonNode g = r.obj(root, "global_config", "$");
        JsonNode heads = r.obj(root, "heads", "$");
        return new ModelConfig(
                new EvoformerConfig(r.i(evo, "seq_channel", "$.evoformer"), r.i(evo, "pair_channel", "$.evoformer"),
                        r.i(evo, "msa_channel", "$.evoformer"), r.i(evo, "num_msa", "$.evoformer"),
                        r.i(evo, "max_relative_idx", "$.evoformer"), r.i(evo, "max_relative_chain", "$.evoformer"),
                        msaStack(r, r.obj(evo, "msa_stack", "$.evoformer"), "$.evoformer.msa_stack"),
                        pairformer(r, r.obj(evo, "pairformer", "$.evoformer"), "$.evoformer.pairformer"),
                        perAtom(r, r.obj(evo, "per_atom_conditioning", "$.evoformer"),
                                "$.evoformer.per_atom_conditioning"),
                        template(r, r.obj(evo, "template", "$.evoformer"), "$.evoformer.template")),
                new GlobalConfig(r.s(g, "bfloat16", "$.global_config"), r.s(g, "final_init", "$.global_config"),
                        r.s(g, "flash_attention_implementation", "$.global_config"),
                        r.spec(g, "pair_attention_chunk_size", "$.global_config"),
                        r.spec(g, "pair_transition_shard_spec", "$.global_config")),
                new HeadsConfig(heads.get("diffusion"), heads.get("confidence"), heads.get("distogram")),
                r.i(root, "num_recycles", "$"), root.path("return_embeddings").asBoolean(false),
                root.path("return_distogram").asBoolean(false));
    }

    private static MsaStackConfig msaStack(Reader r, JsonNode n, String at) {
        JsonNode opm = r.obj(n, "outer_product_mean", at);
        return new MsaStackConfig(r.i(n, "num_layer", at), attention(r, n.get("msa_attention"), at + ".msa_attention"),
                transition(r, n.get("msa_transition"), at + ".msa_transition"),
                new OuterProductMeanConfig(r.i(opm, "chunk_size", at + ".outer_product_mean"),
                        r.i(opm, "num_outer_channel", at + ".outer_product_mean")),
                attention(r, n.get("pair_attention"), at + ".pair_attention"),
                transition(r, n.get("pair_transition"), at + ".pair_transition"),
                triMul(r, n.get("triangle_multiplication_incoming"), at),
                triMul(r, n.get("triangle_multiplication_outgoing"), at),
                n.path("shard_transition_blocks").asBoolean(true));
    }

    private static PairformerConfig pairformer(Reader r, JsonNode n, String at) {
        return new PairformerConfig(r.i(n, "num_layer", at),
                attention(r, n.get("pair_attention"), at + ".pair_attention"),
                transition(r, n.get("pair_transition"), at + ".pair_transition"),
                attention(r, n.get("single_attention"), at + ".single_attention"),
                transition(r, n.get("single_transition"), at + ".single_transition"),
                triMul(r, n.get("triangle_multiplication_incoming"), at),
                triMul(r, n.get("triangle_multiplication_outgoing"), at),
                n.path("shard_transition_blocks").asBoolean(true));
    }

    private static PerAtomConditioningConfig perAtom(Reader r, JsonNode n, String at) {
        JsonNode t = r.obj(n, "atom_transformer", at);
        return new PerAtomConditioningConfig(r.i(n, "per_token_channels", at), r.i(n, "per_atom_channels", at),
                r.i(n, "per_atom_pair_channels", at),
                new AtomTransformerConfig(attention(r, t.get("attention"), at + ".atom_transformer.attention"),
                        r.i(t, "num_blocks", at + ".atom_transformer"),
                        r.i(t, "num_intermediate_factor", at + ".atom_transformer")));
    }

    private static TemplateConfig template(Reader r, JsonNode n, String at) {
        JsonNode d = r.obj(n, "dgram_features", at);
        return new TemplateConfig(r.i(n, "num_channels", at),
                pairformer(r, r.obj(n, "template_stack", at), at + ".template_stack"),
                new DgramConfig(r.d(d, "min_bin", at + ".dgram_features"), r.d(d, "max_bin", at + ".dgram_features"),
                        r.i(d, "num_bins", at + ".dgram_features")));
    }

    private static AttentionConfig attention(Reader r, JsonNode n, String at) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new AttentionConfig(r.i(n, "num_head", at), r.optInt(n, "key_dim"), r.optInt(n, "value_dim"));
    }

    private static TransitionConfig transition(Reader r, JsonNode n, String at) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new TransitionConfig(r.i(n, "num_intermediate_factor", at), n.path("use_glu_kernel").asBoolean(true));
    }

    private static TriangleMultiplicationConfig triMul(Reader r, JsonNode n, String at) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new TriangleMultiplicationConfig(r.s(n, "equation", at), n.path("use_glu_kernel").asBoolean(true));
    }

    private record Reader(String source) {
        JsonNode obj(JsonNode n, String field, String at) {
            JsonNode v = n.get(field);
            if (v == null || !v.isObject()) {
                throw error(at + "." + field, "missing or not an object");
            }
            return v;
        }

        int i(JsonNode n, String field, String at) {
            JsonNode v = n.get(field);
            if (v == null || !v.isIntegralNumber()) {
                throw error(at + "." + field, "missing or not an integer");
            }
            return v.asInt();
        }

        double d(JsonNode n, String field, String at) {
            JsonNode v = n.get(field);
            if (v == null || !v.isNumber()) {
                throw error(at + "." + field, "missing or not a number");
            }
            return v.asDouble();
        }

        String s(JsonNode n, String field, String at) {
            JsonNode v = n.get(field);
            if (v == null || !v.isString()) {
                throw error(at + "." + field, "missing or not a string");
            }
            return v.asString();
        }

        Integer optInt(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v == null || v.isNull() ? null : v.asInt();
        }

        ShardSpec spec(JsonNode n, String field, String at) {
            JsonNode v = n.get(field);
            if (v == null || !v.isArray() || v.isEmpty()) {
                throw error(at + "." + field, "missing or not a list of [bound, size] pairs");
            }
            List<ShardSpec.Entry> entries = new ArrayList<>();
            for (JsonNode pair : v) {
                if (!pair.isArray() || pair.size() != 2) {
                    throw error(at + "." + field, "each entry must be [bound, size]");
                }
                entries.add(new ShardSpec.Entry(pair.get(0).isNull() ? null : pair.get(0).asInt(),
                        pair.get(1).isNull() ? null : pair.get(1).asInt()));
            }
            return new ShardSpec(entries);
        }

        IllegalArgumentException error(String path, String reason) {
            return new IllegalArgumentException(source + ": " + path + ": " + reason);
        }
    }
}
