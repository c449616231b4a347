package org.foldbatch.template;

import org.foldbatch.FoldbatchException;

/**
 * The template search cannot run on these databases (missing seqres or mmCIF directory, a seqres entry AF3 cannot
 * parse); bad single hits are skipped instead. Tool failures are {@link org.foldbatch.msa.ToolException}s.
 */
public class TemplateSearchException extends FoldbatchException {

    public TemplateSearchException(String message) {
        super(message);
    }

    public TemplateSearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
