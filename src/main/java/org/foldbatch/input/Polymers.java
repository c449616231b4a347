package org.foldbatch.input;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.foldbatch.constants.ResidueNames;

final class Polymers {

    private Polymers() {
    }

    /** Python's {@code all(res.isalpha() for res in sequence)}, with AlphaFold 3's message. */
    static void requireLetters(String kind, String sequence) {
        if (!sequence.codePoints().allMatch(Character::isLetter)) {
            throw new IllegalArgumentException(kind + " must contain only letters, got \"" + sequence + "\"");
        }
    }

    /** CCD code of every residue by the chain type's letter rule, then each modification overwrites its position. */
    static List<String> ccdSequence(String sequence, List<Modification> modifications,
            Function<Character, String> codeOfLetter) {
        List<String> codes = new ArrayList<>(sequence.length());
        for (int i = 0; i < sequence.length(); i++) {
            codes.add(codeOfLetter.apply(sequence.charAt(i)));
        }
        for (Modification m : modifications) {
            codes.set(m.position() - 1, m.type());
        }
        return codes;
    }

    static String oneLetter(List<String> ccdSequence, char fallback) {
        StringBuilder letters = new StringBuilder(ccdSequence.size());
        for (String code : ccdSequence) {
            letters.append(ResidueNames.oneLetter(code, fallback));
        }
        return letters.toString();
    }
}
