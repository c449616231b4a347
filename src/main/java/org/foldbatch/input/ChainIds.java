package org.foldbatch.input;

import java.util.Comparator;

/**
 * AlphaFold 3's chain ids: 1 is A, 26 is Z, 27 is AA, 28 is BA ... ("reverse spreadsheet": base 26, least significant
 * letter first). Featurisation and output order chains by this number.
 */
public final class ChainIds {

    /** Orders ids by their number: A, B, ..., Z, AA, BA, ... */
    public static final Comparator<String> ORDER = Comparator.comparingLong(ChainIds::toNumber);

    private ChainIds() {
    }

    /** The id of the n-th chain, n >= 1. */
    public static String fromNumber(long number) {
        if (number < 1) {
            throw new IllegalArgumentException("Chain number must be >= 1, got " + number);
        }
        StringBuilder id = new StringBuilder();
        long n = number;
        while (n > 0) {
            n--;
            id.append((char) ('A' + n % 26));
            n /= 26;
        }
        return id.toString();
    }

    /** The number of an id made of upper-case letters. */
    public static long toNumber(String id) {
        if (!isValid(id)) {
            throw new IllegalArgumentException("IDs must be upper case letters, got: " + id);
        }
        long number = 0;
        for (int i = id.length() - 1; i >= 0; i--) {
            number = number * 26 + (id.charAt(i) - 'A' + 1);
        }
        return number;
    }

    public static boolean isValid(String id) {
        return id != null && id.matches("[A-Z]+");
    }
}
