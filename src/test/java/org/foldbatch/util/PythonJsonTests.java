package org.foldbatch.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Expected strings are CPython 3 output of {@code json.dumps} and {@code repr} for the same values. */
class PythonJsonTests {

    @Test
    void quoteEscapesLikeJsonDumpsWithEnsureAscii() {
        var out = new StringBuilder();
        PythonJson.quote(out, "a\"b\\c\n\r\t\b\f\u0001\u001f\u007f \u00e9 \u2603 \ud83e\uddec ~");
        assertThat(out).hasToString(
                "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f \\u00e9 \\u2603 \\ud83e\\uddec ~\"");
    }

    @Test
    void dumpsIndentsByTwoLikeJsonDumps() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("n", -3);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("k", Arrays.asList(1, "x", null, true, Map.of(), List.of()));
        root.put("\u00e9", inner);
        assertThat(PythonJson.dumps(root)).isEqualTo("""
                {
                  "k": [
                    1,
                    "x",
                    null,
                    true,
                    {},
                    []
                  ],
                  "\\u00e9": {
                    "n": -3
                  }
                }""");
    }

    @Test
    void reprPicksQuotesAndEscapesLikePython() {
        assertThat(PythonJson.repr("it's")).isEqualTo("\"it's\"");
        assertThat(PythonJson.repr("say \"hi\"")).isEqualTo("'say \"hi\"'");
        assertThat(PythonJson.repr("both '\"")).isEqualTo("'both \\'\"'");
        assertThat(PythonJson.repr("tab\there\u007f\u0001\u00e9")).isEqualTo("'tab\\there\\x7f\\x01\u00e9'");
    }
}
