package org.foldbatch.structure;

/** An mmCIF file that cannot be read; the message names the file and, when known, the line. */
public class MmcifParseException extends RuntimeException {

    public MmcifParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public MmcifParseException(String message) {
        super(message);
    }
}
