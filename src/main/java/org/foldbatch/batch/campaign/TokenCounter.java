package org.foldbatch.batch.campaign;

import org.foldbatch.input.FoldInput;

/**
 * Tokens of a fold input as the model sees them. The exact count needs featurisation; this interface lets the
 * pre-flight guard use an estimate now and the featuriser's count later.
 */
public interface TokenCounter {

    int count(FoldInput input);
}
