package org.foldbatch.template;

import java.time.LocalDate;
import java.util.List;

/**
 * One kept template, as AF3 stores it in {@code _data.json}: the single-chain mmCIF and the query to template
 * residue mapping (0-based; template indices count every residue of the chain's full sequence, unresolved ones too).
 *
 * @param start 1-based first seqres residue of the hmmsearch hit
 * @param end   1-based last seqres residue of the hmmsearch hit
 */
public record TemplateHit(String pdbId, String chainId, int start, int end, String mmcif, List<Integer> queryIndices,
                          List<Integer> templateIndices, LocalDate releaseDate, String alignedSequence) {

    public TemplateHit {
        queryIndices = List.copyOf(queryIndices);
        templateIndices = List.copyOf(templateIndices);
        if (queryIndices.size() != templateIndices.size()) {
            throw new IllegalArgumentException("queryIndices and templateIndices differ in length");
        }
    }

    public String name() {
        return pdbId + "_" + chainId + "/" + start + "-" + end;
    }
}
