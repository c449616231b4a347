package org.foldbatch.util;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's float formatting and numpy's {@code round(x, decimals)}, for the places where Foldbatch must write numbers
 * byte for byte as AlphaFold 3 does: HMMER command lines ({@code str(float)}), the ranking CSV and the summary JSON
 * ({@code repr(float)}); in Python 3 the two are the same. Java's {@code Double.toString} differs from Python in
 * exponent style ({@code 1.0E-5} against {@code 1e-05}) and, before JDK 19, in digit count, and {@code %.Ne} rounds
 * Java's already rounded digits a second time, so the shortest round-trip digits are found here exactly.
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    /**
     * Python {@code repr(x)}, equally {@code str(x)}: shortest digits that read back as x, the nearest to x among
     * those; scientific when the exponent is below -4 or 16 up.
     */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(value).stripTrailingZeros();
        String sign = shortest.signum() < 0 ? "-" : "";
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
            return sign + mantissa + "e" + exp;
        }
        var out = new StringBuilder(sign);
        if (exponent < 0) {
            out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
        } else if (digits.length() <= exponent + 1) {
            out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
        } else {
            out.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return out.toString();
    }

    /**
     * numpy's {@code np.round(x, decimals)} on float64: scale, round half to even, unscale, all in double arithmetic
     * (so {@code round(0.285, 2)} is 0.28 or 0.29 exactly as numpy gives it).
     */
    public static double numpyRound(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.rint(value * scale) / scale;
    }

    private static BigDecimal shortestRoundTrip(double value) {
        var exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (var mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                var candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == value && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact;
    }
}
