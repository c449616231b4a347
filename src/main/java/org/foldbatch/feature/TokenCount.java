package org.foldbatch.feature;

import org.foldbatch.input.FoldInput;
import org.foldbatch.structure.ccd.Ccd;

/** The number of tokens AlphaFold 3 makes of an input, for the pre-flight token limit. */
public final class TokenCount {

    private TokenCount() {
    }

    /** @param ccd the dictionary; the input's userCCD is layered on top */
    public static int of(FoldInput input, Ccd ccd) {
        Ccd jobCcd = ccd.withUserCcd(input.userCcd(), input.name() + " userCCD");
        return Tokens.of(Assembly.build(input, jobCcd)).count();
    }
}
