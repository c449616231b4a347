package org.foldbatch.template;

import java.util.LinkedHashMap;
import java.util.Map;

/** Query-to-template residue mapping of one hmmsearch hit, with AF3's realignment onto the structure sequence. */
final class HitMapping {

    static final class AlignmentException extends RuntimeException {
        AlignmentException(String message) {
            super(message);
        }
    }

    private HitMapping() {
    }

    /** Mapping relative to the hit's subsequence: '-' advances the query, lower case the hit, upper case both. */
    static Map<Integer, Integer> fromAligned(String aligned) {
        var mapping = new LinkedHashMap<Integer, Integer>();
        int q = 0;
        int h = 0;
        for (int i = 0; i < aligned.length(); i++) {
            char c = aligned.charAt(i);
            if (c == '-') {
                q++;
            } else if (Character.isLowerCase(c)) {
                h++;
            } else if (Character.isUpperCase(c)) {
                mapping.put(q++, h++);
            }
        }
        return mapping;
    }

    static String matchingSequence(String aligned) {
        return aligned.toUpperCase(java.util.Locale.ROOT).replace("-", "");
    }

    /**
     * Mapping onto the full structure sequence (0-based, unresolved residues counted).
     *
     * @param startIndex 0-based inclusive start of the hit in the seqres sequence
     * @param endIndex   0-based exclusive end
     */
    static Map<Integer, Integer> toStructure(String aligned, String structureSequence, int startIndex, int endIndex,
                                             int fullLength) {
        var mapping = fromAligned(aligned);
        var matching = matchingSequence(aligned);
        var subsequence = structureSequence.substring(Math.min(startIndex, structureSequence.length()),
                Math.min(endIndex, structureSequence.length()));
        if (!matching.equals(subsequence) && fullLength != structureSequence.length()) {
            return realign(matching, startIndex, endIndex, fullLength, structureSequence, mapping);
        }
        var out = new LinkedHashMap<Integer, Integer>();
        mapping.forEach((q, h) -> out.put(q, h + startIndex));
        return out;
    }

    /** Greedy gap insertion; among offsets with equal scores the one with more leading gaps wins, as in AF3. */
    static Map<Integer, Integer> realign(String hit, int startIndex, int endIndex, int fullLength, String structure,
                                         Map<Integer, Integer> mapping) {
        int maxGaps = fullLength - structure.length();
        if (maxGaps < 0) {
            throw new AlignmentException("structure sequence (" + structure.length()
                    + ") is longer than the PDB seqres sequence (" + fullLength + ")");
        }
        if (hit.length() != endIndex - startIndex) {
            throw new AlignmentException("hit length " + hit.length() + " != end - start = " + (endIndex - startIndex));
        }
        int bestScore = -1;
        int bestStart = 0;
        Map<Integer, Integer> best = mapping;
        for (int gapsBefore = 0; gapsBefore <= Math.min(startIndex, maxGaps); gapsBefore++) {
            int start = startIndex - gapsBefore;
            int end = endIndex - gapsBefore;
            var subsequence = structure.substring(Math.min(start, structure.length()), Math.min(end, structure.length()));
            var hitToStructure = new LinkedHashMap<Integer, Integer>();
            int score = 0;
            int hi = 0;
            int si = 0;
            int remaining = maxGaps - gapsBefore;
            while (hi < hit.length() && si < subsequence.length()) {
                if (hit.charAt(hi) != subsequence.charAt(si)) {
                    for (int shift = 0; shift <= remaining; shift++) {
                        if (hi + shift < hit.length() && hit.charAt(hi + shift) == subsequence.charAt(si)) {
                            hi += shift;
                            remaining -= shift;
                            break;
                        }
                    }
                }
                hitToStructure.put(hi, si);
                if (hit.charAt(hi) == subsequence.charAt(si)) {
                    score++;
                }
                hi++;
                si++;
            }
            if (score >= bestScore) {
                bestScore = score;
                bestStart = start;
                var remapped = new LinkedHashMap<Integer, Integer>();
                mapping.forEach((q, h) -> {
                    var s = hitToStructure.get(h);
                    if (s != null) {
                        remapped.put(q, s);
                    }
                });
                best = remapped;
            }
        }
        var out = new LinkedHashMap<Integer, Integer>();
        int offset = bestStart;
        best.forEach((q, h) -> out.put(q, h + offset));
        return out;
    }
}
