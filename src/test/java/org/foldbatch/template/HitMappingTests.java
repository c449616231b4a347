package org.foldbatch.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class HitMappingTests {

    @Test
    void gapsAdvanceTheQueryAndLowerCaseTheHit() {
        assertThat(HitMapping.fromAligned("--AbC-D")).containsExactly(Map.entry(2, 0), Map.entry(3, 2),
                Map.entry(5, 3));
        assertThat(HitMapping.matchingSequence("--AbC-D")).isEqualTo("ABCD");
    }

    @Test
    void offsetsByTheHitStartWhenStructureAndSeqresAgree() {
        // Seqres residues 3..6 (0-based 2..5) aligned to query 0..3.
        var mapping = HitMapping.toStructure("CDEF", "ABCDEFG", 2, 6, 7);
        assertThat(mapping).containsExactly(Map.entry(0, 2), Map.entry(1, 3), Map.entry(2, 4), Map.entry(3, 5));
    }

    /**
     * AF3's documented example: query ABCDEFGHIJKL, hit ---DEFGHIJK- (seqres XDEFGHIJKL, hit on 0-based 1..8),
     * structure XDEFGHKL, which lacks I and J: D..H keep their places after X, K and L close up.
     */
    @Test
    void realignsOntoAShorterStructureSequence() {
        var mapping = HitMapping.toStructure("---DEFGHIJK-", "XDEFGHKL", 1, 9, 10);
        assertThat(mapping).containsExactly(Map.entry(3, 1), Map.entry(4, 2), Map.entry(5, 3), Map.entry(6, 4),
                Map.entry(7, 5), Map.entry(10, 6));
    }

    @Test
    void sameLengthButDifferentLettersKeepsThePlainMapping() {
        // A modified residue the structure reads as X while seqres names its parent: lengths agree, no realignment.
        var mapping = HitMapping.toStructure("ABC", "AXC", 0, 3, 3);
        assertThat(mapping).containsExactly(Map.entry(0, 0), Map.entry(1, 1), Map.entry(2, 2));
    }

    @Test
    void structureLongerThanSeqresCannotBeRealigned() {
        assertThatThrownBy(() -> HitMapping.toStructure("ABC", "ABDCE", 0, 3, 4))
                .isInstanceOf(HitMapping.AlignmentException.class)
                .hasMessage("structure sequence (5) is longer than the PDB seqres sequence (4)");
    }
}
