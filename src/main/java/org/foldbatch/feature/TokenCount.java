package org.foldbatch.feature;

import org.foldbatch.input.Chain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;
import org.foldbatch.structure.ccd.Ccd;

/**
 * The number of tokens AlphaFold 3 makes of an input: one per standard polymer residue, one per heavy atom of a
 * ligand or modified residue. The one counter of Foldbatch; the featurisation's pre-flight and the campaign's token
 * guard both use it.
 */
public final class TokenCount {

    private TokenCount() {
    }

    /**
     * The exact count, as the featuriser tokenises the input; fails on a component that is neither in the dictionary
     * nor in the input's userCCD.
     *
     * @param ccd the dictionary; the input's userCCD is layered on top
     */
    public static int of(FoldInput input, Ccd ccd) {
        Ccd jobCcd = ccd.withUserCcd(input.userCcd(), input.name() + " userCCD");
        return Tokens.of(Assembly.build(input, jobCcd)).count();
    }

    /**
     * The exact count when every component is known, else an estimate that never fails (for screening many
     * candidates, where the dictionary may be missing or partial): one token per polymer residue (modified residues
     * count once, so the estimate is low for heavily modified polymers), a CCD ligand's heavy atoms from the
     * dictionary or one per unknown code (a lower bound), a SMILES ligand's heavy atoms (one if it does not parse).
     */
    public static int estimate(FoldInput input, Ccd ccd) {
        try {
            return of(input, ccd);
        } catch (RuntimeException cannotAssemble) {
            int tokens = 0;
            for (Chain chain : input.chains()) {
                tokens += chain instanceof Ligand ligand ? ligandTokens(ligand, ccd) : chain.length();
            }
            return tokens;
        }
    }

    private static int ligandTokens(Ligand ligand, Ccd ccd) {
        if (ligand.isSmiles()) {
            return smilesHeavyAtoms(ligand.smiles());
        }
        int tokens = 0;
        for (String code : ligand.ccdCodes()) {
            tokens += ccd.find(code).map(c -> (int) c.atoms().stream().filter(a -> !a.isHydrogen()).count())
                    .orElse(1);
        }
        return tokens;
    }

    private static int smilesHeavyAtoms(String smiles) {
        try {
            return Math.max(SmilesGraph.parse(smiles).withoutHydrogens().atoms().size(), 1);
        } catch (IllegalArgumentException e) {
            return 1;
        }
    }
}
