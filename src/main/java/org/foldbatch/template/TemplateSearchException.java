package org.foldbatch.template;

/** The template search could not run (tool failure, unreadable database); bad single hits are skipped instead. */
public class TemplateSearchException extends RuntimeException {

    public TemplateSearchException(String message) {
        super(message);
    }

    public TemplateSearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
