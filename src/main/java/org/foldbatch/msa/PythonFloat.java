package org.foldbatch.msa;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Formats numbers the way Python's {@code str()} does, so that tool command lines match AlphaFold 3's byte for byte
 * ({@code 1e-4 -> 0.0001}, {@code 5e-5 -> 5e-05}, {@code 100.0 -> 100.0}).
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    /** Python {@code str(float(value))}: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
    public static String str(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(value);
        String sign = shortest.signum() < 0 ? "-" : "";
        BigDecimal magnitude = shortest.abs();
        String digits = magnitude.unscaledValue().toString();
        int exponent = digits.length() - 1 - magnitude.scale();
        digits = stripTrailingZeros(digits);
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        StringBuilder out = new StringBuilder(sign);
        if (exponent < 0) {
            out.append("0.");
            out.append("0".repeat(-exponent - 1));
            out.append(digits);
        } else if (digits.length() <= exponent + 1) {
            out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
        } else {
            out.append(digits, 0, exponent + 1).append('.').append(digits.substring(exponent + 1));
        }
        return out.toString();
    }

    /** Python {@code str(int)} for whole numbers, {@code str(float)} otherwise; for flags typed int-or-float. */
    public static String strIntOrFloat(Number value) {
        if (value instanceof Integer || value instanceof Long) {
            return Long.toString(value.longValue());
        }
        return str(value.doubleValue());
    }

    private static BigDecimal shortestRoundTrip(double value) {
        for (int precision = 1; precision <= 17; precision++) {
            String candidate = String.format(Locale.ROOT, "%." + (precision - 1) + "e", value);
            if (Double.parseDouble(candidate) == value) {
                return new BigDecimal(candidate);
            }
        }
        return new BigDecimal(value);
    }

    private static String stripTrailingZeros(String digits) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return digits.substring(0, end);
    }
}
