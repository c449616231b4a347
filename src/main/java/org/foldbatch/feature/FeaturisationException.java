package org.foldbatch.feature;

/** An input that cannot be featurised; the message names the input, chain and reason on one line. */
public class FeaturisationException extends RuntimeException {

    public FeaturisationException(String message) {
        super(message);
    }

    public FeaturisationException(String message, Throwable cause) {
        super(message, cause);
    }
}
