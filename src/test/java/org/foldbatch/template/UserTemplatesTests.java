package org.foldbatch.template;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.foldbatch.FoldbatchException;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.FoldInputLoader;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.Template;
import org.junit.jupiter.api.Test;

class UserTemplatesTests {

    private static final Path PARSING = Path.of("samples/inputs/parsing");

    @Test
    void theTemplatesOfAlphaFold3sParserTestInputAreValid() {
        FoldInput input = new FoldInputLoader().load(PARSING.resolve("fold_job_one.json")).get(0);
        assertThatCode(() -> UserTemplates.requireValid(input, "fold_job_one.json")).doesNotThrowAnyException();
    }

    @Test
    void aTemplateIndexBeyondTheTemplateChainNamesFileChainAndTemplate() throws Exception {
        String mmcif = Files.readString(PARSING.resolve("test_template.mmcif"));
        ProteinChain chain = ProteinChain.of("A", "MKVL")
                .withTemplates(List.of(new Template(mmcif, List.of(0, 1), List.of(0, 999))));
        FoldInput input = FoldInput.of("t", List.of(1L), List.of(chain));

        assertThatThrownBy(() -> UserTemplates.requireValid(input, "in.json"))
                .isInstanceOf(FoldbatchException.class)
                .hasMessageStartingWith("in.json: chain A: templates[0]: ")
                .hasMessageNotContaining("\n");
    }
}
