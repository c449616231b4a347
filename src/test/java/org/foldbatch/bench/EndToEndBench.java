package org.foldbatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.foldbatch.batch.SeedInference;
import org.foldbatch.feature.FeatureBatch;
import org.foldbatch.feature.Featuriser;
import org.foldbatch.feature.FeaturiserConfig;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.model.DiffusionSampler;
import org.foldbatch.model.FoldModel;
import org.foldbatch.model.ModelConfig;
import org.foldbatch.model.ModelOutput;
import org.foldbatch.model.NetworkInputs;
import org.foldbatch.output.OutputLayout;
import org.foldbatch.model.NoiseSource;
import org.foldbatch.model.Precision;
import org.foldbatch.model.RuntimeOptions;
import org.foldbatch.model.ShardSpec;
import org.foldbatch.model.TrunkOptions;
import org.foldbatch.model.bench.ProcessMemory;
import org.foldbatch.model.bench.SyntheticWeights;
import org.foldbatch.model.weights.ParameterStore;
import org.foldbatch.structure.ccd.Ccd;
import tools.jackson.databind.json.JsonMapper;

/**
 * One fold end to end on this machine (issues #7, #14): a complete {@code _data.json} of a protein (hen lysozyme
 * without its last residue, 128 residues, or that sequence repeated to {@code --residues}; 64 MSA rows, no templates)
 * is read, featurised, written and read back as the job's feature batch, run through the network at official
 * dimensions with random official-shape weights, and its sample files are written as the inference step writes them.
 * Defaults: bf16 policy, 1 recycle, 5 diffusion steps, 1 sample; {@code --af3} runs AlphaFold 3's 10 recycles, 200
 * steps and 5 samples. Prints each step's wall time and share of the total, the peak resident memory (VmHWM), the
 * share of the network's CPU time on TensorFlow's threads, and the first trunk pass and denoiser call against the
 * later ones (TensorFlow's first-run optimisation; graph building is its own line). The network's parts are
 * {@link FoldModel#lastTimings()}.
 *
 * <pre>
 * mvn -q test-compile && mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx6g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.foldbatch.bench.EndToEndBench
 *     [--af3] [--residues 128] [--recycles 1] [--steps 5] [--samples 1] [--f32] [--pair-rows R]
 * </pre>
 */
public final class EndToEndBench {
    static final String SEQUENCE = "KVFGRCELAAAMKRHGLDNYRGYSLGNWVCAAKFESNFNTQATNRNTDGSTDYGILQINSRWWCNDGRTPGSRNLCNI"
            + "PCSALLSSDITASVNCAKKIVSDGNGMNAWVAWRNRCKGTDVQAWIRGCR";
    static final int MSA_ROWS = 64;
    static final long SEED = 1;

    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private final Map<String, String> memory = new LinkedHashMap<>();
    private Ticks lastTicks;
    private double[] lastCpu;

    /** Seconds of each trunk pass and each denoiser call, from the model's progress reports. */
    private static final class Ticks implements org.foldbatch.model.InferenceProgress {
        final List<Double> passes = new java.util.ArrayList<>();
        final List<Double> steps = new java.util.ArrayList<>();
        private long last;

        Ticks(long start) {
            this.last = start;
        }

        @Override
        public void recycle(int done, int total) {
            passes.add(lap());
        }

        @Override
        public void diffusionStep(int done, int total) {
            // the first lap also holds the feeds' set-up and the pair conditioning, which run once
            steps.add(lap());
        }

        private double lap() {
            long now = System.nanoTime();
            double s = (now - last) / 1e9;
            last = now;
            return s;
        }
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = v.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private EndToEndBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        boolean af3 = a.contains("--af3");
        int steps = option(a, "--steps", af3 ? 200 : 5);
        int recycles = option(a, "--recycles", af3 ? 10 : 1);
        int samples = option(a, "--samples", af3 ? 5 : 1);
        int residues = option(a, "--residues", SEQUENCE.length());
        Precision precision = a.contains("--f32") ? Precision.FLOAT32 : Precision.BFLOAT16;
        // --pair-rows R: the pair transition and triangle attention in chunks of R rows at every size, the memory
        // knob AlphaFold 3 documents for smaller devices; default AlphaFold 3's own chunking
        int rows = option(a, "--pair-rows", 0);
        TrunkOptions trunk = rows > 0 ? new TrunkOptions(ShardSpec.of(null, rows, null, rows),
                ShardSpec.of(null, rows, null, rows)) : TrunkOptions.alphaFoldDefaults();
        new EndToEndBench().run(sequence(residues), recycles, steps, samples, precision, trunk);
    }

    private static int option(List<String> args, String name, int fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
    }

    /** The lysozyme sequence repeated to {@code residues} residues (one chain: 256 residues = 256 tokens). */
    static String sequence(int residues) {
        return SEQUENCE.repeat(residues / SEQUENCE.length() + 1).substring(0, residues);
    }

    private void run(String sequence, int recycles, int steps, int samples, Precision precision, TrunkOptions trunk)
            throws Exception {
        Path dir = Files.createTempDirectory("foldbatch-e2e");
        Path dataJson = dir.resolve("lysozyme_data.json");
        Files.writeString(dataJson, dataJson(sequence));
        ModelConfig official = ModelConfig.load(
                Path.of(EndToEndBench.class.getResource("/af3-data/model_config.json").toURI()));
        ModelConfig config = new ModelConfig(official.evoformer(), official.globalConfig(), official.heads(),
                recycles, official.returnEmbeddings(), official.returnDistogram());
        DiffusionSampler.Config sampling = DiffusionSampler.Config.ALPHAFOLD.withSteps(steps, samples);

        long w0 = System.nanoTime();
        // made again for a later bucket, like a model read from af3.bin.zst, so no copy stays on the Java heap
        java.util.concurrent.atomic.AtomicReference<ParameterStore> made = new java.util.concurrent.atomic
                .AtomicReference<>(SyntheticWeights.fullSize(11, "diffuser/"));
        double weights = (System.nanoTime() - w0) / 1e9;
        int records = made.get().size();
        java.util.function.Supplier<ParameterStore> weightsFile = () -> {
            ParameterStore first = made.getAndSet(null);
            return first != null ? first : SyntheticWeights.fullSize(11, "diffuser/");
        };
        System.out.printf("%d residues, official dims, random weights (%d records, made in %.1f s, not counted: they "
                + "stand in for reading af3.bin.zst), %s, %d recycles, %d diffusion steps, %d samples, %d cores, %s%n",
                sequence.length(), records, weights, precision, recycles, steps, samples,
                Runtime.getRuntime().availableProcessors(), trunk);

        memory("weights made (Java heap)");
        long start = System.nanoTime();
        Ccd ccd = time("read CCD", () -> Ccd.load(Path.of("samples/ccd/components-subset.cif")));
        FoldInput completed = time("read _data.json", () -> new FoldInputLoader().load(dataJson).get(0));
        FeatureBatch featurised = time("featurise", () -> new Featuriser(FeaturiserConfig.defaults(ccd))
                .featurise(completed, SEED));
        OutputLayout files = OutputLayout.of(dir, completed.sanitisedName());
        Path featuresFile = files.features(SEED);
        FeatureBatch features = time("write + read feature batch", () -> {
            files.writeFeatures(SEED, featurised);
            return files.readFeatures(SEED);
        });
        org.foldbatch.model.NetworkInputs inputs = time("network inputs",
                () -> NetworkInputs.of(features, featuresFile.toString()));
        try (FoldModel model = time("build graphs + upload weights", () -> {
            FoldModel m = FoldModel.of(weightsFile, config, precision, trunk, RuntimeOptions.defaults());
            m.prepare(inputs);
            return m;
        })) {
            memory("graphs built, weights uploaded");
            Map<String, Double> cpu0 = ThreadCpu.snapshot();
            long p0 = System.nanoTime();
            Ticks ticks = new Ticks(p0);
            ModelOutput out = model.predict(inputs, SEED, NoiseSource.seeded(), sampling, ticks);
            double network = (System.nanoTime() - p0) / 1e9;
            double[] tfCpu = ThreadCpu.tensorFlowShare(cpu0, ThreadCpu.snapshot());
            FoldModel.Timings t = model.lastTimings();
            seconds.put("network: target features", t.targetFeatures());
            seconds.put("network: trunk (" + (recycles + 1) + " passes)", t.trunk());
            seconds.put("network: diffusion (" + steps + " steps x " + samples + " samples)", t.diffusion());
            seconds.put("network: confidence head", t.confidence());
            seconds.put("network: distogram head", t.distogram());
            seconds.put("network: rest (feeds, fetches)", network - t.total());
            lastTicks = ticks;
            lastCpu = tfCpu;
            memory("after the network");
            time("write outputs", () -> SeedInference.writeOutputs("bench", completed, ccd, features, out, files, SEED,
                    false, false));
        }
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("%n%-40s %9s %7s%n", "step", "seconds", "share");
        for (Map.Entry<String, Double> e : seconds.entrySet()) {
            System.out.printf("%-40s %9.2f %6.1f%%%n", e.getKey(), e.getValue(), 100 * e.getValue() / total);
        }
        System.out.printf("%-40s %9.2f%n", "end to end", total);
        System.out.printf("%nnetwork: %.1f CPU-s, %.0f%% of it on TensorFlow's pool threads (kernels run inline on "
                + "the calling thread count as Java time)%n", lastCpu[1], 100 * lastCpu[0] / lastCpu[1]);
        System.out.printf("trunk pass: first %.2f s, later ones median %.2f s; denoiser call: first %.2f s, later "
                + "ones median %.2f s (the first of each pays TensorFlow's first-run optimisation; the first call also "
                + "the pair conditioning)%n",
                lastTicks.passes.get(0), median(lastTicks.passes.subList(1, lastTicks.passes.size())),
                lastTicks.steps.get(0), median(lastTicks.steps.subList(1, lastTicks.steps.size())));
        System.out.printf("peak resident memory (VmHWM): %.0f MiB%n", ProcessMemory.bytes("VmHWM") / 1048576.0);
        memory.forEach((phase, figures) -> System.out.printf("  %-32s %s%n", phase, figures));
        System.out.println("outputs in " + dir);
    }

    private <T> T time(String step, Step<T> body) throws Exception {
        long t0 = System.nanoTime();
        T result = body.run();
        seconds.merge(step, (System.nanoTime() - t0) / 1e9, Double::sum);
        return result;
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    /** A complete data-pipeline output: the query plus seeded point mutants as the unpaired MSA, no templates. */
    static String dataJson() {
        return dataJson(SEQUENCE);
    }

    static String dataJson(String sequence) {
        SplittableRandom random = new SplittableRandom(7);
        String residues = "ACDEFGHIKLMNPQRSTVWY";
        StringBuilder msa = new StringBuilder(">query\n").append(sequence).append('\n');
        for (int row = 1; row < MSA_ROWS; row++) {
            char[] s = sequence.toCharArray();
            for (int i = 0; i < s.length; i++) {
                double u = random.nextDouble();
                if (u < 0.05) {
                    s[i] = '-';
                } else if (u < 0.3) {
                    s[i] = residues.charAt(random.nextInt(residues.length()));
                }
            }
            msa.append(">hit_").append(row).append('\n').append(s).append('\n');
        }
        Map<String, Object> protein = new LinkedHashMap<>();
        protein.put("id", "A");
        protein.put("sequence", sequence);
        protein.put("modifications", List.of());
        protein.put("unpairedMsa", msa.toString());
        protein.put("pairedMsa", ">query\n" + sequence + "\n");
        protein.put("templates", List.of());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dialect", "alphafold3");
        root.put("version", 4);
        root.put("name", "lysozyme");
        root.put("modelSeeds", List.of(SEED));
        root.put("sequences", List.of(Map.of("protein", protein)));
        return JsonMapper.builder().build().writeValueAsString(root);
    }


    /** Where the memory is after a phase: resident now, peak so far, and the Java heap's share (used, committed). */
    private void memory(String phase) throws IOException {
        Runtime rt = Runtime.getRuntime();
        memory.put(phase, String.format("resident %5.0f MiB, peak so far %5.0f MiB; Java heap used %5.0f MiB of "
                + "%5.0f MiB committed", ProcessMemory.bytes("VmRSS") / 1048576.0, ProcessMemory.bytes("VmHWM") / 1048576.0,
                (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.totalMemory() / 1048576.0));
    }
}
