package org.foldbatch.template;

import java.util.List;

import org.foldbatch.FoldbatchException;
import org.foldbatch.input.Chain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.ProteinChain;
import org.foldbatch.input.Template;

/** Validates the templates an input supplies itself, before any search starts. */
public final class UserTemplates {

    private UserTemplates() {
    }

    /**
     * @param source the file the input came from, for the message
     * @throws FoldbatchException naming the file, chain and template, on the first bad template
     */
    public static void requireValid(FoldInput input, String source) {
        List<Chain> chains = input.chains();
        for (Chain chain : chains) {
            if (!(chain instanceof ProteinChain p) || p.templates() == null) {
                continue;
            }
            for (int i = 0; i < p.templates().size(); i++) {
                Template t = p.templates().get(i);
                try {
                    TemplateValidator.validate(t.mmcif(), t.queryIndices(), t.templateIndices(), p.length());
                } catch (IllegalArgumentException | FoldbatchException e) {
                    throw new FoldbatchException(source + ": chain " + p.id() + ": templates[" + i + "]: "
                            + e.getMessage(), e);
                }
            }
        }
    }
}
