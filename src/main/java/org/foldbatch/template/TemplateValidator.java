package org.foldbatch.template;

import java.util.HashSet;
import java.util.List;

import org.foldbatch.structure.MmcifParseException;
import org.foldbatch.structure.MmcifStructure;

/**
 * Checks a user-supplied template before it reaches featurisation: the mmCIF parses, holds exactly one polymer
 * chain and a release date (AF3 requires both), and the index lists pair up and lie inside query and chain.
 * Messages are one line and name the field; the caller prefixes the JSON path.
 */
public final class TemplateValidator {

    private TemplateValidator() {
    }

    /**
     * @param templateIdx may be null, which AF3 reads as an empty list
     * @throws IllegalArgumentException with a one-line reason
     */
    public static void validate(String mmcif, List<Integer> queryIdx, List<Integer> templateIdx, int queryLength) {
        if (mmcif == null || mmcif.isBlank()) {
            throw new IllegalArgumentException("mmcif: the template mmCIF must be a non-empty string");
        }
        if (queryIdx == null) {
            throw new IllegalArgumentException("queryIndices: required");
        }
        var templates = templateIdx == null ? List.<Integer>of() : templateIdx;
        if (queryIdx.size() != templates.size()) {
            throw new IllegalArgumentException("queryIndices has " + queryIdx.size() + " entries but templateIndices has "
                    + templates.size() + "; they must pair up");
        }
        MmcifStructure structure;
        try {
            structure = MmcifStructure.fromString(mmcif, "template mmCIF", MmcifStructure.Options.AS_IS);
        } catch (MmcifParseException e) {
            throw new IllegalArgumentException("mmcif: " + e.getMessage(), e);
        }
        var polymers = structure.chains().stream().filter(MmcifStructure.Chain::polymer).toList();
        if (polymers.size() != 1) {
            throw new IllegalArgumentException("mmcif: the template must contain exactly one polymer chain, found "
                    + polymers.size() + (polymers.isEmpty() ? "" : " (author chains "
                    + String.join(", ", polymers.stream().map(MmcifStructure.Chain::authId).toList()) + ")"));
        }
        if (structure.releaseDate() == null) {
            throw new IllegalArgumentException("mmcif: the template has no release date; set "
                    + "_pdbx_audit_revision_history.revision_date to an ISO date such as 1989-11-17");
        }
        var chain = polymers.get(0);
        int chainLength = chain.residues().size();
        var seen = new HashSet<Integer>();
        for (int i = 0; i < queryIdx.size(); i++) {
            Integer q = queryIdx.get(i);
            Integer t = templates.get(i);
            if (q == null || q < 0 || q >= queryLength) {
                throw new IllegalArgumentException("queryIndices[" + i + "] = " + q + " is outside the query sequence"
                        + " (valid 0.." + (queryLength - 1) + ")");
            }
            if (!seen.add(q)) {
                throw new IllegalArgumentException("queryIndices[" + i + "] = " + q + " appears more than once");
            }
            if (t == null || t < 0 || t >= chainLength) {
                throw new IllegalArgumentException("templateIndices[" + i + "] = " + t + " is outside template chain "
                        + chain.authId() + " (valid 0.." + (chainLength - 1) + ", counting unresolved residues)");
            }
        }
    }
}
