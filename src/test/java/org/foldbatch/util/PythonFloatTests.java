package org.foldbatch.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PythonFloatTests {

    /** Expected strings are CPython 3 {@code repr} output for the same doubles. */
    @Test
    void reprMatchesPython() {
        assertThat(PythonFloat.repr(0.1)).isEqualTo("0.1");
        assertThat(PythonFloat.repr(1e-5)).isEqualTo("1e-05");
        assertThat(PythonFloat.repr(1e16)).isEqualTo("1e+16");
        assertThat(PythonFloat.repr(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(PythonFloat.repr(0.8740434844369133)).isEqualTo("0.8740434844369133");
        assertThat(PythonFloat.repr(1.0)).isEqualTo("1.0");
        assertThat(PythonFloat.repr(100.0)).isEqualTo("100.0");
        assertThat(PythonFloat.repr(1e-4)).isEqualTo("0.0001");
        assertThat(PythonFloat.repr(0.00012345)).isEqualTo("0.00012345");
        assertThat(PythonFloat.repr(2.5e-7)).isEqualTo("2.5e-07");
        assertThat(PythonFloat.repr(-0.0)).isEqualTo("-0.0");
        assertThat(PythonFloat.repr(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(PythonFloat.repr(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(PythonFloat.repr(3 * Double.MIN_VALUE)).isEqualTo("1.5e-323");
        assertThat(PythonFloat.repr(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(PythonFloat.repr(9007199254740993.0)).isEqualTo("9007199254740992.0");
        assertThat(PythonFloat.repr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PythonFloat.repr(1e22)).isEqualTo("1e+22");
        assertThat(PythonFloat.repr(0.3 + 0.6)).isEqualTo("0.8999999999999999");
        assertThat(PythonFloat.repr(-1.5e-10)).isEqualTo("-1.5e-10");
        assertThat(PythonFloat.repr(1.0 - 0.8)).isEqualTo("0.19999999999999996");
        assertThat(PythonFloat.repr(Double.NaN)).isEqualTo("nan");
        assertThat(PythonFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    /** The E-values and filter thresholds AF3 passes to jackhmmer and nhmmer, as CPython's {@code str} prints them. */
    @Test
    void hmmerFlagsMatchPythonStr() {
        assertThat(PythonFloat.repr(1e-3)).isEqualTo("0.001");
        assertThat(PythonFloat.repr(5e-4)).isEqualTo("0.0005");
        assertThat(PythonFloat.repr(5e-5)).isEqualTo("5e-05");
        assertThat(PythonFloat.repr(5e-7)).isEqualTo("5e-07");
        assertThat(PythonFloat.repr(0.02)).isEqualTo("0.02");
        assertThat(PythonFloat.repr(138_515_945)).isEqualTo("138515945.0");
        assertThat(PythonFloat.repr(1.5e16)).isEqualTo("1.5e+16");
        assertThat(PythonFloat.repr(123.456)).isEqualTo("123.456");
        assertThat(PythonFloat.repr(-2.5e-10)).isEqualTo("-2.5e-10");
        assertThat(PythonFloat.repr(0.30000000000000004)).isEqualTo("0.30000000000000004");
    }

    /**
     * Doubles where rounding Java's own digits with {@code %.Ne} picks the wrong last digit; expected strings are
     * CPython's {@code repr} of the same bits.
     */
    @Test
    void lastDigitIsTheOneNearestTheExactValue() {
        assertThat(PythonFloat.repr(Double.longBitsToDouble(0x43aadba641570648L))).isEqualTo("9.676616322244372e+17");
        assertThat(PythonFloat.repr(Double.longBitsToDouble(0x4538205e50565c60L))).isEqualTo("2.9167075181061796e+25");
        assertThat(PythonFloat.repr(Double.longBitsToDouble(0x43dd3f60f388eff8L))).isEqualTo("8.430038998893715e+18");
    }

    @Test
    void reprRoundTripsAndIsNeverLongerThanJavasDigits() {
        var random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            String repr = PythonFloat.repr(v);
            assertThat(Double.parseDouble(repr)).isEqualTo(v);
            assertThat(significantDigits(repr)).isLessThanOrEqualTo(significantDigits(Double.toString(v)));
        }
    }

    @Test
    void numpyRoundIsHalfToEvenOnTheScaledDouble() {
        assertThat(PythonFloat.numpyRound(0.125, 2)).isEqualTo(0.12);
        assertThat(PythonFloat.numpyRound(0.135, 2)).isEqualTo(0.14);
        assertThat(PythonFloat.numpyRound(0.7449999999999999, 2)).isEqualTo(0.74);
        assertThat(PythonFloat.numpyRound(46.255, 2)).isEqualTo(46.26);
        assertThat(PythonFloat.numpyRound(-99.2550000001, 2)).isEqualTo(-99.26);
        assertThat(PythonFloat.numpyRound(Double.NaN, 2)).isNaN();
    }

    private static int significantDigits(String s) {
        String mantissa = s.toLowerCase().split("e")[0].replace("-", "").replace(".", "");
        mantissa = mantissa.replaceFirst("^0+", "");
        mantissa = mantissa.replaceFirst("0+$", "");
        return Math.max(1, mantissa.length());
    }
}
