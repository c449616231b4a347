package org.foldbatch.batch.campaign;

import java.nio.file.Path;
import java.util.OptionalInt;

import org.foldbatch.FoldbatchException;
import org.foldbatch.structure.ccd.Ccd;

/** Heavy-atom counts per component from a Chemical Component Dictionary file (components.cif, optionally gzipped). */
public final class CcdHeavyAtoms implements SimpleTokenCounter.CcdAtoms {

    private final Ccd ccd;

    public CcdHeavyAtoms(Ccd ccd) {
        this.ccd = ccd;
    }

    public static CcdHeavyAtoms read(Path file) {
        try {
            return new CcdHeavyAtoms(Ccd.load(file));
        } catch (RuntimeException e) {
            throw new FoldbatchException("foldbatch.campaign.ccd-file: " + e.getMessage(), e);
        }
    }

    @Override
    public OptionalInt heavyAtoms(String ccdCode) {
        return ccd.find(ccdCode)
                .map(c -> OptionalInt.of((int) c.atoms().stream().filter(a -> !a.isHydrogen()).count()))
                .orElse(OptionalInt.empty());
    }

}
