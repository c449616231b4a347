package org.foldbatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SummaryConfidencesJsonTests {

    /**
     * The expected text is what CPython's {@code json.dumps(sort_keys=True, indent=1, separators=(',', ': '))} wrote
     * for the same values after numpy's {@code round(x, 2)}, with NaN replaced by null.
     */
    @Test
    void matchesPythonJsonDumpsOfRoundedValues() {
        double nan = Double.NaN;
        var summary = new SummaryConfidences(0.6999999988, 0.135, -99.2550000001, 0.125, 1.0,
                new double[][] {{0.5, 3.5, 6.5}, {40.5, 43.5, 46.255}, {nan, nan, nan}},
                new double[][] {{0.9, 0.6, nan}, {0.6, 0.8, nan}, {nan, nan, nan}},
                new double[] {0.9, 0.8, nan}, new double[] {0.6, 0.6, nan},
                List.of("A", "A", "A", "B", "B", "B", "C"));
        String expected = "{\n \"chain_ids\": [\n  \"A\",\n  \"A\",\n  \"A\",\n  \"B\",\n  \"B\",\n  \"B\",\n"
                + "  \"C\"\n ],\n \"chain_iptm\": [\n  0.6,\n  0.6,\n  null\n ],\n \"chain_pair_iptm\": [\n  [\n"
                + "   0.9,\n   0.6,\n   null\n  ],\n  [\n   0.6,\n   0.8,\n   null\n  ],\n  [\n   null,\n   null,\n"
                + "   null\n  ]\n ],\n \"chain_pair_pae_min\": [\n  [\n   0.5,\n   3.5,\n   6.5\n  ],\n  [\n"
                + "   40.5,\n   43.5,\n   46.26\n  ],\n  [\n   null,\n   null,\n   null\n  ]\n ],\n"
                + " \"chain_ptm\": [\n  0.9,\n  0.8,\n  null\n ],\n \"fraction_disordered\": 0.12,\n"
                + " \"has_clash\": 1.0,\n \"iptm\": 0.14,\n \"ptm\": 0.7,\n \"ranking_score\": -99.26\n}";
        assertThat(SummaryConfidencesJson.write(summary)).isEqualTo(expected);
    }

    @Test
    void numbersAreRoundedHalfEvenThenPrintedAsPythonFloats() {
        assertThat(SummaryConfidencesJson.number(0.125)).isEqualTo("0.12");
        assertThat(SummaryConfidencesJson.number(0.0)).isEqualTo("0.0");
        assertThat(SummaryConfidencesJson.number(1.0)).isEqualTo("1.0");
        assertThat(SummaryConfidencesJson.number(0.004)).isEqualTo("0.0");
        assertThat(SummaryConfidencesJson.number(0.07)).isEqualTo("0.07");
        assertThat(SummaryConfidencesJson.number(Double.NaN)).isEqualTo("null");
    }
}
