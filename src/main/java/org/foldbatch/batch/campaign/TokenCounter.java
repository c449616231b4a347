package org.foldbatch.batch.campaign;

import org.foldbatch.input.FoldInput;

/**
 * Tokens of a fold input for the campaign's pre-flight guard: {@link org.foldbatch.feature.TokenCount#estimate}, the
 * featuriser's exact count when every component is in the configured dictionary, else residues plus ligand heavy
 * atoms with unknown codes counted once (a lower bound). An interface so a test can stand in a fixed count.
 */
public interface TokenCounter {

    int count(FoldInput input);
}
