package org.foldbatch.structure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Quoting rules and number formatting of AF3's CIF writer, shared by {@link MmcifWriter} and anything that builds
 * CIF values (coordinates, B-factors, pLDDTs).
 */
public final class CifTokens {

    private CifTokens() {
    }

    public static boolean isTrivial(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && c != '.' && c != '?' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** A value with a newline, or with both quote characters, can only be written as a {@code ;} text field. */
    public static boolean needsMultiLine(String value) {
        if (isTrivial(value)) {
            return false;
        }
        return value.indexOf('\n') >= 0 || (value.indexOf('\'') >= 0 && value.indexOf('"') >= 0);
    }

    /** The quote character the value must be wrapped in, or "" when it can be written bare. */
    public static String quoteFor(String value) {
        if (isTrivial(value)) {
            return "";
        }
        if (value.isEmpty()) {
            return "\"";
        }
        var lower = value.toLowerCase(java.util.Locale.ROOT);
        for (var reserved : new String[] {"data_", "loop_", "save_", "stop_", "global_"}) {
            if (lower.startsWith(reserved)) {
                return "\"";
            }
        }
        char first = value.charAt(0);
        if (first == '_' || first == '#' || first == '$' || first == '[' || first == ']' || first == ';') {
            return "\"";
        }
        boolean needsQuote = false;
        boolean doubleOk = true;
        boolean singleOk = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                needsQuote = true;
            } else if (c == '"') {
                needsQuote = true;
                doubleOk = false;
            } else if (c == '\'') {
                needsQuote = true;
                singleOk = false;
            }
        }
        if (needsQuote && doubleOk) {
            return "\"";
        }
        if (needsQuote && singleOk) {
            return "'";
        }
        return "";
    }

    /**
     * Fixed-point formatting that rounds the exact binary value, as C's printf does (Java's %.2f would round
     * 0.125 up). AF3 formats float32 arrays, so pass float32 values widened to double for identical output.
     */
    public static String fixed(double value, int decimals) {
        var text = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        boolean negativeZero = (value < 0 || (value == 0 && 1 / value < 0)) && !text.startsWith("-");
        return negativeZero ? "-" + text : text;
    }
}
