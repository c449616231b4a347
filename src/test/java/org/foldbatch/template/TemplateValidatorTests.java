package org.foldbatch.template;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class TemplateValidatorTests {

    /** AF3's test template: one chain A of 10 residues (DEEPMINDDD), released 2000-01-01. */
    static final String TEMPLATE = resource("/test_template.mmcif");

    @Test
    void acceptsAf3sTestTemplateWithItsMapping() {
        assertThatCode(() -> TemplateValidator.validate(TEMPLATE, List.of(0, 1, 2, 4, 5, 6),
                List.of(0, 1, 2, 3, 4, 8), 10)).doesNotThrowAnyException();
        assertThatCode(() -> TemplateValidator.validate(TEMPLATE, List.of(), null, 10)).doesNotThrowAnyException();
    }

    @Test
    void rejectsIndicesOutsideQueryOrChain() {
        assertThatThrownBy(() -> TemplateValidator.validate(TEMPLATE, List.of(0, 10), List.of(0, 1), 10))
                .hasMessage("queryIndices[1] = 10 is outside the query sequence (valid 0..9)");
        assertThatThrownBy(() -> TemplateValidator.validate(TEMPLATE, List.of(0, 1), List.of(0, 10), 10))
                .hasMessage("templateIndices[1] = 10 is outside template chain A (valid 0..9, counting unresolved residues)");
        assertThatThrownBy(() -> TemplateValidator.validate(TEMPLATE, List.of(-1), List.of(0), 10))
                .hasMessage("queryIndices[0] = -1 is outside the query sequence (valid 0..9)");
        assertThatThrownBy(() -> TemplateValidator.validate(TEMPLATE, List.of(3, 3), List.of(0, 1), 10))
                .hasMessage("queryIndices[1] = 3 appears more than once");
    }

    @Test
    void rejectsUnpairedIndexLists() {
        assertThatThrownBy(() -> TemplateValidator.validate(TEMPLATE, List.of(0, 1), List.of(0), 10))
                .hasMessage("queryIndices has 2 entries but templateIndices has 1; they must pair up");
        assertThatThrownBy(() -> TemplateValidator.validate(TEMPLATE, null, List.of(0), 10))
                .hasMessage("queryIndices: required");
    }

    @Test
    void rejectsTemplatesWithoutExactlyOnePolymerChainOrReleaseDate() {
        var noChain = TEMPLATE.replaceAll("(?m)^ATOM .*\\n", "");
        assertThatThrownBy(() -> TemplateValidator.validate(noChain, List.of(0), List.of(0), 10))
                .hasMessage("mmcif: the template must contain exactly one polymer chain, found 0");
        var noDate = TEMPLATE.replace("_pdbx_audit_revision_history.revision_date 2000-01-01\n#\n", "");
        assertThatThrownBy(() -> TemplateValidator.validate(noDate, List.of(0), List.of(0), 10))
                .hasMessageStartingWith("mmcif: the template has no release date");
        assertThatThrownBy(() -> TemplateValidator.validate(" ", List.of(0), List.of(0), 10))
                .hasMessage("mmcif: the template mmCIF must be a non-empty string");
    }

    @Test
    void rejectsMalformedMmcifNamingTheLine() {
        var broken = TEMPLATE.replace("_entry.id test", "_entry.id 'test");
        assertThatThrownBy(() -> TemplateValidator.validate(broken, List.of(0), List.of(0), 10))
                .hasMessage("mmcif: template mmCIF: line 3: quote ' opened at column 11 is not closed");
    }

    static String resource(String name) {
        try (var in = TemplateValidatorTests.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
