package org.foldbatch.input;

import java.util.List;

final class Polymers {

    private Polymers() {
    }

    /** Python's {@code all(res.isalpha() for res in sequence)}, with AlphaFold 3's message. */
    static void requireLetters(String kind, String sequence) {
        if (!sequence.codePoints().allMatch(Character::isLetter)) {
            throw new IllegalArgumentException(kind + " must contain only letters, got \"" + sequence + "\"");
        }
    }

    static String oneLetter(List<String> ccdSequence, char fallback) {
        StringBuilder letters = new StringBuilder(ccdSequence.size());
        for (String code : ccdSequence) {
            letters.append(ResidueNames.oneLetter(code, fallback));
        }
        return letters.toString();
    }
}
