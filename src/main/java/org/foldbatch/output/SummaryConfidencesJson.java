package org.foldbatch.output;

import java.util.List;
import java.util.function.Consumer;

import org.foldbatch.util.PythonFloat;
import org.foldbatch.util.PythonJson;

/**
 * {@code *_summary_confidences.json} as AF3 writes it: {@code json.dumps(sort_keys=True, indent=1,
 * separators=(',', ': '))} of the scores, every number first put through numpy's {@code round(x, 2)} and printed
 * as Python's float repr, then {@code NaN} replaced by {@code null}; no trailing newline.
 *
 * <p>{@code chain_ids} lists one chain ID per token, as AF3's code (v3.0) fills it; AF3's documentation describes
 * one per chain and a later AF3 revision writes the unique chain IDs instead.
 */
public final class SummaryConfidencesJson {

    private SummaryConfidencesJson() {
    }

    public static String write(SummaryConfidences s) {
        List<Field> fields = List.of(
                new Field("chain_ids", out -> strings(out, s.chainIds())),
                new Field("chain_iptm", out -> vector(out, s.chainIptm(), 1)),
                new Field("chain_pair_iptm", out -> matrix(out, s.chainPairIptm())),
                new Field("chain_pair_pae_min", out -> matrix(out, s.chainPairPaeMin())),
                new Field("chain_ptm", out -> vector(out, s.chainPtm(), 1)),
                scalar("fraction_disordered", s.fractionDisordered()),
                scalar("has_clash", s.hasClash()),
                scalar("iptm", s.iptm()),
                scalar("ptm", s.ptm()),
                scalar("ranking_score", s.rankingScore()));
        var out = new StringBuilder(1024);
        out.append("{\n");
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ",\n").append(" \"").append(fields.get(i).key()).append("\": ");
            fields.get(i).value().accept(out);
        }
        out.append("\n}");
        return out.toString();
    }

    /** One top-level entry: its key, in the file's (sorted) order, and how its value is written. */
    private record Field(String key, Consumer<StringBuilder> value) {
    }

    private static Field scalar(String key, double value) {
        return new Field(key, out -> out.append(number(value)));
    }

    /** One rounded number as it appears in the file. */
    static String number(double value) {
        double rounded = PythonFloat.numpyRound(value, 2);
        if (Double.isNaN(rounded)) {
            return "null";
        }
        if (Double.isInfinite(rounded)) {
            return rounded > 0 ? "Infinity" : "-Infinity";
        }
        return PythonFloat.repr(rounded);
    }

    private static void strings(StringBuilder out, List<String> values) {
        if (values.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append("  ");
            PythonJson.quote(out, values.get(i));
        }
        out.append("\n ]");
    }

    private static void vector(StringBuilder out, double[] values, int level) {
        if (values.length == 0) {
            out.append("[]");
            return;
        }
        String indent = " ".repeat(level + 1);
        out.append("[");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "\n" : ",\n").append(indent).append(number(values[i]));
        }
        out.append("\n").append(" ".repeat(level)).append("]");
    }

    private static void matrix(StringBuilder out, double[][] rows) {
        if (rows.length == 0) {
            out.append("[]");
            return;
        }
        out.append("[");
        for (int i = 0; i < rows.length; i++) {
            out.append(i == 0 ? "\n" : ",\n").append("  ");
            vector(out, rows[i], 2);
        }
        out.append("\n ]");
    }
}
