package org.foldbatch.structure;

import org.foldbatch.FoldbatchException;

/**
 * An mmCIF file that cannot be read; the message names the file and, when known, the line. A user error (their
 * template or their PDB mirror), so the CLI prints the one line.
 */
public class MmcifParseException extends FoldbatchException {

    public MmcifParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public MmcifParseException(String message) {
        super(message);
    }
}
