package org.foldbatch.output;

import java.util.List;

/**
 * {@code *_confidences.json} byte for byte as AF3's C++ serialiser writes it: fixed key order, one line per key,
 * numbers from a 0.00-99.99 lookup table (pLDDT 2 decimals and contact probabilities with one trailing zero dropped,
 * PAE 1 decimal), float32 scaling and C {@code round} (half away from zero), NaN as {@code null}, strings unescaped,
 * no newline after the closing brace.
 */
public final class ConfidencesJson {

    private ConfidencesJson() {
    }

    public static String write(StructureLayout layout, SampleResult sample) {
        sample.checkFits(layout);
        var out = new StringBuilder(64 + layout.numAtoms() * 10 + layout.numTokens() * layout.numTokens() * 9);
        out.append("{\n");
        strings(out, "atom_chain_ids", layout.atomChainIds());
        out.append("  \"atom_plddts\": [");
        float[] plddt = sample.atomPlddt();
        for (int i = 0; i < plddt.length; i++) {
            out.append(i == 0 ? "" : ",").append(plddt(plddt[i]));
        }
        out.append("],\n");
        out.append("  \"contact_probs\": [");
        matrix(out, sample.contactProbs(), true);
        out.append("],\n");
        out.append("  \"pae\": [");
        matrix(out, sample.pae(), false);
        out.append("],\n");
        strings(out, "token_chain_ids", layout.tokenChainIds());
        out.append("  \"token_res_ids\": [");
        int[] resIds = layout.tokenResidueId();
        for (int i = 0; i < resIds.length; i++) {
            out.append(i == 0 ? "" : ",").append(resIds[i]);
        }
        out.append("]\n}");
        return out.toString();
    }

    private static void strings(StringBuilder out, String key, List<String> values) {
        out.append("  \"").append(key).append("\": [\"").append(String.join("\",\"", values)).append("\"],\n");
    }

    private static void matrix(StringBuilder out, float[][] m, boolean fraction) {
        for (int r = 0; r < m.length; r++) {
            out.append(r == 0 ? "[" : ",[");
            for (int c = 0; c < m[r].length; c++) {
                out.append(c == 0 ? "" : ",").append(fraction ? fraction(m[r][c]) : pae(m[r][c]));
            }
            out.append(']');
        }
    }

    /** pLDDT: clamp to [0, 99.99], two decimals, no leading space, one trailing zero dropped (85.50 -> 85.5). */
    static String plddt(float value) {
        if (Float.isNaN(value)) {
            return "null";
        }
        String s = table(Math.round(clamp(value, 99.99f) * 100.0f));
        s = s.charAt(0) == ' ' ? s.substring(1) : s;
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    /** Contact probability: clamp to [0, 1], two decimals, one trailing zero dropped (0.50 -> 0.5, 1.00 -> 1.0). */
    static String fraction(float value) {
        if (Float.isNaN(value)) {
            return "null";
        }
        String s = table(Math.round(clamp(value, 1.0f) * 100.0f)).substring(1);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    /** PAE: clamp to [0, 99.9], one decimal (12.34 -> 12.3). */
    static String pae(float value) {
        if (Float.isNaN(value)) {
            return "null";
        }
        String s = table(Math.round(clamp(value, 99.9f) * 10.0f) * 10).substring(0, 4);
        return s.charAt(0) == ' ' ? s.substring(1) : s;
    }

    private static float clamp(float value, float max) {
        return Math.min(Math.max(value, 0.0f), max);
    }

    // AF3's lookup entry for i in 0..9999: thousands digit or a space, hundreds digit, '.', tens, units.
    private static String table(int i) {
        char[] c = {i / 1000 > 0 ? (char) ('0' + i / 1000) : ' ', (char) ('0' + i / 100 % 10), '.',
            (char) ('0' + i / 10 % 10), (char) ('0' + i % 10)};
        return new String(c);
    }
}
