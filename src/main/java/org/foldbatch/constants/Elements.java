package org.foldbatch.constants;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AlphaFold 3's periodic table ({@code constants/periodic_table.py}): element symbols by atomic number, 0 being the
 * unknown element {@code X}. A CCD type symbol is looked up as AlphaFold 3 does, capitalised ({@code CL} is
 * chlorine), with {@code D} as hydrogen and anything else unknown as 0.
 */
public final class Elements {

    private static final List<String> SYMBOLS = List.of("X",
            "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K",
            "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr", "Rb",
            "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe", "Cs",
            "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta",
            "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa",
            "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt",
            "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og");

    private static final Map<String, Integer> NUMBERS = numbers();

    private Elements() {
    }

    /** The atomic number of a symbol in any case ({@code CL}, {@code Cl}); 1 for D; 0 when unknown. */
    public static int atomicNumber(String symbol) {
        if (symbol == null || symbol.isEmpty()) {
            return 0;
        }
        String capitalised = symbol.substring(0, 1).toUpperCase(Locale.ROOT)
                + symbol.substring(1).toLowerCase(Locale.ROOT);
        return NUMBERS.getOrDefault(capitalised, 0);
    }

    /** True for a real element's symbol written as the periodic table writes it ({@code Cl}, not {@code CL}). */
    public static boolean isSymbol(String text) {
        return !text.equals("X") && SYMBOLS.contains(text);
    }

    /** The symbol of an atomic number ({@code X} for 0). */
    public static String symbol(int atomicNumber) {
        if (atomicNumber < 0 || atomicNumber >= SYMBOLS.size()) {
            throw new IllegalArgumentException("no element with atomic number " + atomicNumber);
        }
        return SYMBOLS.get(atomicNumber);
    }

    private static Map<String, Integer> numbers() {
        Map<String, Integer> numbers = new HashMap<>();
        for (int z = 0; z < SYMBOLS.size(); z++) {
            numbers.put(SYMBOLS.get(z), z);
        }
        numbers.put("D", 1);
        return Map.copyOf(numbers);
    }
}
