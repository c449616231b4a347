package org.foldbatch.batch.campaign;

import java.util.OptionalInt;

import com.actelion.research.chem.SmilesParser;
import com.actelion.research.chem.StereoMolecule;
import org.foldbatch.input.Chain;
import org.foldbatch.input.FoldInput;
import org.foldbatch.input.Ligand;

/**
 * One token per polymer residue, one per ligand heavy atom: heavy atoms from the CCD when the code is known, else
 * one per CCD code (a lower bound); SMILES ligands count their heavy atoms. Modified residues are counted as one
 * token, so the count is low for heavily modified polymers.
 */
public final class SimpleTokenCounter implements TokenCounter {

    /** Heavy atoms of a CCD component, if known. */
    public interface CcdAtoms {
        OptionalInt heavyAtoms(String ccdCode);

        CcdAtoms NONE = code -> OptionalInt.empty();
    }

    private final CcdAtoms ccd;

    public SimpleTokenCounter(CcdAtoms ccd) {
        this.ccd = ccd;
    }

    @Override
    public int count(FoldInput input) {
        int tokens = 0;
        for (Chain chain : input.chains()) {
            tokens += chain instanceof Ligand ligand ? ligandTokens(ligand) : chain.length();
        }
        return tokens;
    }

    private int ligandTokens(Ligand ligand) {
        if (ligand.isSmiles()) {
            return smilesHeavyAtoms(ligand.smiles());
        }
        int tokens = 0;
        for (String code : ligand.ccdCodes()) {
            tokens += ccd.heavyAtoms(code).orElse(1);
        }
        return tokens;
    }

    static int smilesHeavyAtoms(String smiles) {
        StereoMolecule mol = new StereoMolecule();
        try {
            new SmilesParser(SmilesParser.SMARTS_MODE_IS_SMILES).parse(mol, smiles);
        } catch (Exception e) {
            return 1;
        }
        int heavy = 0;
        for (int atom = 0; atom < mol.getAllAtoms(); atom++) {
            if (mol.getAtomicNo(atom) > 1) {
                heavy++;
            }
        }
        return Math.max(heavy, 1);
    }
}
