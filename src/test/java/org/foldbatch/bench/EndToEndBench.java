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
import org.foldbatch.model.NoiseSource;
import org.foldbatch.model.Precision;
import org.foldbatch.model.RuntimeOptions;
import org.foldbatch.model.TrunkOptions;
import org.foldbatch.model.bench.SyntheticWeights;
import org.foldbatch.model.weights.ParameterStore;
import org.foldbatch.structure.ccd.Ccd;
import tools.jackson.databind.json.JsonMapper;

/**
 * One fold end to end on this machine (issue #7): a complete {@code _data.json} of a 128-residue protein (hen
 * lysozyme without its last residue, 64 MSA rows, no templates) is read, featurised, written and read back as the
 * job's feature batch, run through the network at official dimensions with random official-shape weights (bf16
 * policy, 1 recycle, 5 diffusion steps, 1 sample instead of AlphaFold 3's 10 recycles, 200 steps and 5 samples), and
 * its sample files are written as the inference step writes them. Prints each step's wall time and share of the
 * total, and the peak resident memory (VmHWM).
 * The network's parts are {@link FoldModel#lastTimings()}.
 *
 * <pre>
 * mvn -q test-compile && mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xmx6g -cp target/classes:target/test-classes:$(cat cp.txt) org.foldbatch.bench.EndToEndBench [--steps 5] [--f32]
 * </pre>
 */
public final class EndToEndBench {
    static final String SEQUENCE = "KVFGRCELAAAMKRHGLDNYRGYSLGNWVCAAKFESNFNTQATNRNTDGSTDYGILQINSRWWCNDGRTPGSRNLCNI"
            + "PCSALLSSDITASVNCAKKIVSDGNGMNAWVAWRNRCKGTDVQAWIRGCR";
    static final int MSA_ROWS = 64;
    static final long SEED = 1;

    private final Map<String, Double> seconds = new LinkedHashMap<>();

    private EndToEndBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        int steps = a.contains("--steps") ? Integer.parseInt(a.get(a.indexOf("--steps") + 1)) : 5;
        Precision precision = a.contains("--f32") ? Precision.FLOAT32 : Precision.BFLOAT16;
        new EndToEndBench().run(steps, precision);
    }

    private void run(int steps, Precision precision) throws Exception {
        Path dir = Files.createTempDirectory("foldbatch-e2e");
        Path dataJson = dir.resolve("lysozyme_data.json");
        Files.writeString(dataJson, dataJson());
        ModelConfig official = ModelConfig.load(
                Path.of(EndToEndBench.class.getResource("/af3-data/model_config.json").toURI()));
        ModelConfig config = new ModelConfig(official.evoformer(), official.globalConfig(), official.heads(), 1,
                official.returnEmbeddings(), official.returnDistogram());
        DiffusionSampler.Config sampling = DiffusionSampler.Config.ALPHAFOLD.withSteps(steps, 1);

        long w0 = System.nanoTime();
        ParameterStore store = SyntheticWeights.fullSize(11, "diffuser/");
        double weights = (System.nanoTime() - w0) / 1e9;
        System.out.printf("%d tokens, official dims, random weights (%d records, made in %.1f s, not counted: they "
                + "stand in for reading af3.bin.zst), %s, 1 recycle, %d diffusion steps, 1 sample%n",
                SEQUENCE.length(), store.size(), weights, precision, steps);

        long start = System.nanoTime();
        Ccd ccd = time("read CCD", () -> Ccd.load(Path.of("samples/ccd/components-subset.cif")));
        FoldInput completed = time("read _data.json", () -> new FoldInputLoader().load(dataJson).get(0));
        FeatureBatch featurised = time("featurise", () -> new Featuriser(FeaturiserConfig.defaults(ccd))
                .featurise(completed, SEED));
        Path featuresFile = dir.resolve("features.bin");
        FeatureBatch features = time("write + read feature batch", () -> {
            featurised.write(featuresFile);
            return FeatureBatch.read(featuresFile);
        });
        org.foldbatch.model.FeatureBatch inputs = time("network inputs",
                () -> NetworkInputs.of(features, featuresFile.toString()));
        try (FoldModel model = time("build graphs + upload weights", () -> {
            FoldModel m = FoldModel.of(store, config, precision, TrunkOptions.alphaFoldDefaults(),
                    RuntimeOptions.defaults());
            m.prepare(inputs);
            return m;
        })) {
            long p0 = System.nanoTime();
            ModelOutput out = model.predict(inputs, SEED, NoiseSource.seeded(), sampling);
            double network = (System.nanoTime() - p0) / 1e9;
            FoldModel.Timings t = model.lastTimings();
            seconds.put("network: target features", t.targetFeatures());
            seconds.put("network: trunk (2 passes)", t.trunk());
            seconds.put("network: diffusion (" + steps + " steps)", t.diffusion());
            seconds.put("network: confidence head", t.confidence());
            seconds.put("network: distogram head", t.distogram());
            seconds.put("network: rest (feeds, fetches)", network - t.total());
            Path jobDir = dir.resolve(completed.sanitisedName());
            time("write outputs", () -> SeedInference.writeOutputs("bench", completed, ccd, features, out, jobDir, SEED,
                    false, false));
        }
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("%n%-40s %9s %7s%n", "step", "seconds", "share");
        for (Map.Entry<String, Double> e : seconds.entrySet()) {
            System.out.printf("%-40s %9.2f %6.1f%%%n", e.getKey(), e.getValue(), 100 * e.getValue() / total);
        }
        System.out.printf("%-40s %9.2f%n", "end to end", total);
        System.out.printf("peak resident memory (VmHWM): %.0f MiB%n", vmHwm() / 1048576.0);
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
        SplittableRandom random = new SplittableRandom(7);
        String residues = "ACDEFGHIKLMNPQRSTVWY";
        StringBuilder msa = new StringBuilder(">query\n").append(SEQUENCE).append('\n');
        for (int row = 1; row < MSA_ROWS; row++) {
            char[] s = SEQUENCE.toCharArray();
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
        protein.put("sequence", SEQUENCE);
        protein.put("modifications", List.of());
        protein.put("unpairedMsa", msa.toString());
        protein.put("pairedMsa", ">query\n" + SEQUENCE + "\n");
        protein.put("templates", List.of());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dialect", "alphafold3");
        root.put("version", 4);
        root.put("name", "lysozyme");
        root.put("modelSeeds", List.of(SEED));
        root.put("sequences", List.of(Map.of("protein", protein)));
        return JsonMapper.builder().build().writeValueAsString(root);
    }

    private static long vmHwm() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }
}
