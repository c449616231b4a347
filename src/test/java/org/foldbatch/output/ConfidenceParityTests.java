package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Foldbatch's confidence post-processing against AlphaFold 3's own, on every case file ({@code *.json.gz}) in the
 * directory named by the system property {@value #DIRECTORY_PROPERTY}, else in the project's copy
 * ({@code src/test/resources/af3-reference/confidences}). Tolerances are the README's. The numbers come from the
 * production path ({@link ConfidenceCase#run()}, then {@link Confidences#summarize} and the two JSON writers). DSSP's
 * integer ACC per residue is matched exactly by {@link RelativeAsa}; {@code DsspAgreementTests} checks that against
 * mkdssp itself on more structures.
 */
class ConfidenceParityTests {

    static final String DIRECTORY_PROPERTY = "foldbatch.reference.confidences";

    static Stream<Named<Path>> cases() {
        return caseFiles().stream().map(p -> Named.of(p.getFileName().toString(), p));
    }

    static List<Path> caseFiles() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        Path dir;
        try {
            dir = configured != null && !configured.isBlank() ? Path.of(configured)
                    : Path.of(ConfidenceParityTests.class.getResource("/af3-reference/confidences").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(".json.gz")).sorted().toList();
            assertThat(found).as("case files in " + dir).isNotEmpty();
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void metricsMatchAlphaFold3(Path file) {
        var c = ConfidenceCase.read(file);
        SampleResult sample = c.run();
        JsonNode out = c.outputs();
        var soft = new SoftAssertions();

        near(soft, "atom_plddts", sample.atomPlddt(), ConfidenceCase.f32Matrix(wrap(out.path("atom_plddts")))[0], 5e-5);
        near(soft, "pae", sample.pae(), ConfidenceCase.f32Matrix(out.path("pae")), 1e-5);
        near(soft, "contact_probs", sample.contactProbs(), ConfidenceCase.f32Matrix(out.path("contact_probs")), 1e-6);
        near(soft, "tmscore_adjusted_pae_global", sample.tmAdjustedPaeGlobal(),
                ConfidenceCase.f32Matrix(c.intermediates().path("tmscore_adjusted_pae_global")), 1e-6);
        near(soft, "tmscore_adjusted_pae_interface", sample.tmAdjustedPaeInterface(),
                ConfidenceCase.f32Matrix(c.intermediates().path("tmscore_adjusted_pae_interface")), 1e-6);

        var layout = c.layout();
        boolean clash = Clashes.hasClash(layout, sample.atomPositions());
        soft.assertThat(clash ? 1.0 : 0.0).as("has_clash").isEqualTo(out.path("has_clash").doubleValue());
        accessibilityMatchesDssp(soft, c, sample);
        SummaryConfidences summary = Confidences.summarize(layout, sample);
        soft.assertThat(summary.fractionDisordered()).as("fraction_disordered")
                .isEqualTo(out.path("fraction_disordered").doubleValue());
        near(soft, "ptm", summary.ptm(), ConfidenceCase.f64(out.path("ptm")), 1e-6);
        near(soft, "iptm", summary.iptm(), ConfidenceCase.f64(out.path("iptm")), 1e-6);
        near(soft, "chain_ptm", summary.chainPtm(), ConfidenceCase.f64Vector(out.path("chain_ptm")), 1e-6);
        near(soft, "chain_iptm", summary.chainIptm(), ConfidenceCase.f64Vector(out.path("chain_iptm")), 1e-6);
        near(soft, "chain_pair_iptm", summary.chainPairIptm(), ConfidenceCase.f64Matrix(out.path("chain_pair_iptm")),
                1e-6);
        near(soft, "chain_pair_pae_min", summary.chainPairPaeMin(),
                ConfidenceCase.f64Matrix(out.path("chain_pair_pae_min")), 1e-5);
        near(soft, "ranking_score", summary.rankingScore(), ConfidenceCase.f64(out.path("ranking_score")), 1e-6);
        soft.assertThat(summary.hasClash()).as("summary has_clash").isEqualTo(out.path("has_clash").doubleValue());
        soft.assertThat(summary.chainIds()).as("chain_ids").isEqualTo(strings(out.path("chain_ids")));

        String expectedSummary = c.root().path("summary_confidences_json").asString();
        soft.assertThat(SummaryConfidencesJson.write(goldenSummary(out)))
                .as("summary_confidences.json written from AF3's own numbers").isEqualTo(expectedSummary);
        summaryTextMatches(soft, SummaryConfidencesJson.write(summary), expectedSummary, out);
        confidencesTextMatches(soft, ConfidencesJson.write(layout, sample), out);
        try {
            soft.assertAll();
        } catch (AssertionError e) {
            throw new AssertionError(file.getFileName() + " differs from AlphaFold 3: " + e.getMessage(), e);
        }
    }

    /**
     * Per distinct protein sequence: DSSP's ACC of every residue exactly, the windowed relative ASA within 1e-12.
     * AF3 runs DSSP once per sequence, on the first chain that has it.
     */
    private static void accessibilityMatchesDssp(SoftAssertions soft, ConfidenceCase c, SampleResult sample) {
        var layout = c.layout();
        for (JsonNode d : c.intermediates().path("dssp")) {
            String chainId = d.path("chain_ids").get(0).asString();
            int chain = 0;
            while (!layout.chains().get(chain).id().equals(chainId)) {
                chain++;
            }
            var areas = RelativeAsa.accessibility(layout, chain, sample.atomPositions());
            soft.assertThat(areas.stream().map(RelativeAsa.ResidueArea::acc).toList()).as("DSSP acc of chain " + chainId)
                    .isEqualTo(d.path("acc").valueStream().map(JsonNode::asInt).toList());
            double[] rasa = areas.stream().mapToDouble(RelativeAsa.ResidueArea::relative).toArray();
            near(soft, "windowed_rasa of chain " + chainId, Disorder.windowMean(rasa, Disorder.WINDOW),
                    ConfidenceCase.f64Vector(d.path("windowed_rasa")), 1e-12);
        }
    }

    private static JsonNode wrap(JsonNode vector) {
        return tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(vector);
    }

    private static List<String> strings(JsonNode v) {
        var out = new ArrayList<String>();
        v.forEach(s -> out.add(s.asString()));
        return out;
    }

    private static SummaryConfidences goldenSummary(JsonNode out) {
        return new SummaryConfidences(ConfidenceCase.f64(out.path("ptm")), ConfidenceCase.f64(out.path("iptm")),
                ConfidenceCase.f64(out.path("ranking_score")), ConfidenceCase.f64(out.path("fraction_disordered")),
                ConfidenceCase.f64(out.path("has_clash")), ConfidenceCase.f64Matrix(out.path("chain_pair_pae_min")),
                ConfidenceCase.f64Matrix(out.path("chain_pair_iptm")), ConfidenceCase.f64Vector(out.path("chain_ptm")),
                ConfidenceCase.f64Vector(out.path("chain_iptm")), strings(out.path("chain_ids")));
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+(e-?\\d+)?|null");

    /**
     * Our summary text equals AF3's, except that a number may differ by one in its last (second) decimal where AF3's
     * full-precision value lies within the README's tolerance of a rounding boundary (case 1's ranking score).
     */
    private static void summaryTextMatches(SoftAssertions soft, String actual, String expected, JsonNode out) {
        String[] a = actual.split("\n", -1);
        String[] e = expected.split("\n", -1);
        soft.assertThat(a.length).as("summary_confidences.json lines").isEqualTo(e.length);
        for (int i = 0; i < Math.min(a.length, e.length); i++) {
            if (a[i].equals(e[i])) {
                continue;
            }
            var ma = NUMBER.matcher(a[i]);
            var me = NUMBER.matcher(e[i]);
            boolean numbers = ma.find() && me.find() && a[i].substring(0, ma.start()).equals(e[i].substring(0, me.start()))
                    && !ma.group().equals("null") && !me.group().equals("null");
            boolean nearBoundary = numbers && Math.abs(Double.parseDouble(ma.group()) - Double.parseDouble(me.group()))
                    < 0.0100001 && nearRoundingBoundary(out, Double.parseDouble(me.group()));
            soft.assertThat(nearBoundary).as("summary_confidences.json line " + (i + 1) + ": " + a[i] + " vs AF3 "
                    + e[i]).isTrue();
        }
    }

    // Some full-precision output rounds to `shown` and lies within 1e-5 of the half-way point to its neighbour.
    private static boolean nearRoundingBoundary(JsonNode out, double shown) {
        List<Double> values = new ArrayList<>();
        for (String key : List.of("ptm", "iptm", "ranking_score", "fraction_disordered", "chain_ptm", "chain_iptm",
                "chain_pair_iptm", "chain_pair_pae_min")) {
            collect(out.path(key), values);
        }
        for (double v : values) {
            double frac = Math.abs(v * 100 - Math.floor(v * 100) - 0.5);
            if (Math.abs(v - shown) < 0.0051 && frac < 1e-3) {
                return true;
            }
        }
        return false;
    }

    private static void collect(JsonNode v, List<Double> into) {
        if (v.isArray()) {
            v.forEach(x -> collect(x, into));
        } else if (v.isNumber()) {
            into.add(v.doubleValue());
        }
    }

    /**
     * {@code confidences.json}: the README's C++ writer rules, checked value by value against AF3's full-precision
     * outputs (pae 1 decimal clamped to [0, 99.9]; pLDDT 2 decimals clamped to [0, 99.99], contact probabilities 2
     * decimals clamped to [0, 1], both with a trailing zero dropped; NaN as null), and the id arrays exactly.
     */
    private static void confidencesTextMatches(SoftAssertions soft, String text, JsonNode out) {
        var parsed = tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
        soft.assertThat(strings(parsed.path("atom_chain_ids"))).as("atom_chain_ids")
                .isEqualTo(strings(out.path("atom_chain_ids")));
        soft.assertThat(strings(parsed.path("token_chain_ids"))).as("token_chain_ids")
                .isEqualTo(strings(out.path("token_chain_ids")));
        soft.assertThat(parsed.path("token_res_ids").toString()).as("token_res_ids")
                .isEqualTo(out.path("token_res_ids").toString());
        soft.assertThat(text).as("confidences.json key order").containsSubsequence("\"atom_chain_ids\"",
                "\"atom_plddts\"", "\"contact_probs\"", "\"pae\"", "\"token_chain_ids\"", "\"token_res_ids\"");
        List<String> plddt = rawNumbers(text, "atom_plddts");
        List<String> contact = rawNumbers(text, "contact_probs");
        List<String> pae = rawNumbers(text, "pae");
        written(soft, "atom_plddts", plddt, flat(out.path("atom_plddts")), 99.99, 2, true, 5e-5);
        written(soft, "contact_probs", contact, flat(out.path("contact_probs")), 1.0, 2, true, 1e-6);
        written(soft, "pae", pae, flat(out.path("pae")), 99.9, 1, false, 1e-5);
    }

    private static List<String> rawNumbers(String text, String key) {
        int start = text.indexOf("\"" + key + "\": [");
        int end = text.indexOf('\n', start);
        String body = text.substring(text.indexOf('[', start), end).replace("[", "").replace("]", "");
        return Arrays.stream(body.split(",")).map(String::strip).toList();
    }

    private static List<Double> flat(JsonNode v) {
        var out = new ArrayList<Double>();
        collect(v, out);
        return out;
    }

    private static void written(SoftAssertions soft, String what, List<String> written, List<Double> golden,
                                double max, int decimals, boolean dropTrailingZero, double tolerance) {
        soft.assertThat(written).as(what + " count").hasSize(golden.size());
        int bad = 0;
        String first = null;
        for (int i = 0; i < Math.min(written.size(), golden.size()); i++) {
            String s = written.get(i);
            double g = Math.min(Math.max(golden.get(i), 0.0), max);
            boolean ok;
            if (s.equals("null")) {
                ok = Double.isNaN(golden.get(i));
            } else {
                int dot = s.indexOf('.');
                int shown = dot < 0 ? 0 : s.length() - dot - 1;
                boolean form = dropTrailingZero ? shown >= 1 && shown <= decimals
                        && (shown < decimals || s.charAt(s.length() - 1) != '0') : shown == decimals;
                double half = 0.5 * Math.pow(10, -decimals);
                ok = form && Math.abs(Double.parseDouble(s) - g) <= half + tolerance;
            }
            if (!ok) {
                bad++;
                first = first == null ? "#" + i + " wrote " + s + " for AF3's " + golden.get(i) : first;
            }
        }
        soft.assertThat(bad).as(what + " values written against AF3's rules; first: " + first).isZero();
    }

    private static void near(SoftAssertions soft, String what, double actual, double expected, double tol) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            soft.assertThat(Double.isNaN(actual)).as(what + " NaN: ours " + actual + ", AF3 " + expected)
                    .isEqualTo(Double.isNaN(expected));
        } else {
            soft.assertThat(Math.abs(actual - expected)).as(what + ": ours " + actual + ", AF3 " + expected)
                    .isLessThanOrEqualTo(tol);
        }
    }

    private static void near(SoftAssertions soft, String what, double[] actual, double[] expected, double tol) {
        soft.assertThat(actual.length).as(what + " length").isEqualTo(expected.length);
        for (int i = 0; i < Math.min(actual.length, expected.length); i++) {
            near(soft, what + "[" + i + "]", actual[i], expected[i], tol);
        }
    }

    private static void near(SoftAssertions soft, String what, double[][] actual, double[][] expected, double tol) {
        soft.assertThat(actual.length).as(what + " rows").isEqualTo(expected.length);
        for (int i = 0; i < Math.min(actual.length, expected.length); i++) {
            near(soft, what + "[" + i + "]", actual[i], expected[i], tol);
        }
    }

    private static void near(SoftAssertions soft, String what, float[] actual, float[] expected, double tol) {
        near(soft, what, new float[][] {actual}, new float[][] {expected}, tol);
    }

    /** Every entry within {@code tol}, NaN where AF3 has NaN; reports the count and the worst entry. */
    private static void near(SoftAssertions soft, String what, float[][] actual, float[][] expected, double tol) {
        soft.assertThat(actual.length).as(what + " rows").isEqualTo(expected.length);
        double worst = 0;
        String where = "";
        int bad = 0;
        for (int i = 0; i < Math.min(actual.length, expected.length); i++) {
            soft.assertThat(actual[i].length).as(what + "[" + i + "] length").isEqualTo(expected[i].length);
            for (int j = 0; j < Math.min(actual[i].length, expected[i].length); j++) {
                float x = actual[i][j];
                float y = expected[i][j];
                double d = Float.isNaN(x) || Float.isNaN(y) ? (Float.isNaN(x) == Float.isNaN(y) ? 0 : 1e9)
                        : Math.abs((double) x - y);
                if (d > tol) {
                    bad++;
                }
                if (d > worst) {
                    worst = d;
                    where = "[" + i + "][" + j + "] ours " + x + ", AF3 " + y;
                }
            }
        }
        soft.assertThat(bad).as(what + ": entries beyond " + tol + ", worst " + worst + " at " + where).isZero();
    }
}
