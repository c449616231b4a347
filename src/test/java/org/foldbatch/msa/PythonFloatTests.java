package org.foldbatch.msa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonFloatTests {

    @Test
    void formatsLikePythonStr() {
        assertThat(PythonFloat.str(1e-4)).isEqualTo("0.0001");
        assertThat(PythonFloat.str(1e-3)).isEqualTo("0.001");
        assertThat(PythonFloat.str(5e-4)).isEqualTo("0.0005");
        assertThat(PythonFloat.str(5e-5)).isEqualTo("5e-05");
        assertThat(PythonFloat.str(5e-7)).isEqualTo("5e-07");
        assertThat(PythonFloat.str(1e-5)).isEqualTo("1e-05");
        assertThat(PythonFloat.str(0.02)).isEqualTo("0.02");
        assertThat(PythonFloat.str(0.1)).isEqualTo("0.1");
        assertThat(PythonFloat.str(100)).isEqualTo("100.0");
        assertThat(PythonFloat.str(138_515_945)).isEqualTo("138515945.0");
        assertThat(PythonFloat.str(1e16)).isEqualTo("1e+16");
        assertThat(PythonFloat.str(1.5e16)).isEqualTo("1.5e+16");
        assertThat(PythonFloat.str(123.456)).isEqualTo("123.456");
        assertThat(PythonFloat.str(-2.5e-10)).isEqualTo("-2.5e-10");
        assertThat(PythonFloat.str(0.30000000000000004)).isEqualTo("0.30000000000000004");
        assertThat(PythonFloat.strIntOrFloat(100)).isEqualTo("100");
    }
}
