package org.foldbatch.structure.ccd;

/** A chemical component dictionary that cannot be read, or a component it lacks. */
public class CcdException extends RuntimeException {

    public CcdException(String message) {
        super(message);
    }
}
