package org.foldbatch.feature;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.foldbatch.constants.Elements;

/**
 * A SMILES string as RDKit's {@code MolFromSmiles} builds it, which is what AlphaFold 3 featurises: atoms in the
 * order they are written; chain and branch bonds in the order their second atom is read; ring-closure bonds after all
 * of those (RDKit keeps each opening as a partial bond and joins them in {@code CloseMolRings} once the whole string is
 * parsed), by ascending ring number, each number's pairs in the order they were opened. A ring bond runs from the
 * opening atom to the closing one when the opening digit carries a bond symbol other than {@code /} or {@code \},
 * otherwise from the closing atom to the opening one. Bracket hydrogens ({@code [NH3+]}) are counts, not atoms;
 * {@code [H]} atoms are atoms, which {@link #withoutHydrogens()} drops with their bonds as AlphaFold 3's layout does.
 * Formal charges are RDKit's after its sanitizer's clean-up of five-valent nitrogen, phosphorus and halogen oxides.
 * Stereo markers do not change any order. Plain Java: the featuriser, token counting and tests use it.
 */
final class SmilesGraph {

    /** An atom; {@code symbol} is RDKit's {@code GetSymbol()} ({@code "C"} for aromatic {@code c}, {@code "*"}). */
    record Atom(int atomicNumber, String symbol, boolean aromatic, int charge, int explicitHs) {

        boolean isHydrogen() {
            return atomicNumber == 1;
        }
    }

    enum Order { SINGLE, DOUBLE, TRIPLE, QUADRUPLE, AROMATIC, DATIVE }

    record Bond(int begin, int end, Order order) {

        int other(int atom) {
            return atom == begin ? end : begin;
        }
    }

    private final List<Atom> atoms;
    private final List<Bond> bonds;

    private SmilesGraph(List<Atom> atoms, List<Bond> bonds) {
        this.atoms = List.copyOf(atoms);
        this.bonds = List.copyOf(bonds);
    }

    List<Atom> atoms() {
        return atoms;
    }

    List<Bond> bonds() {
        return bonds;
    }

    /**
     * @throws IllegalArgumentException naming the position of the first thing RDKit's grammar would not accept
     */
    static SmilesGraph parse(String smiles) {
        Parser parser = new Parser(smiles);
        parser.run();
        List<Atom> atoms = new ArrayList<>(parser.atoms);
        List<Bond> bonds = new ArrayList<>(parser.bonds);
        parser.closeRings(atoms, bonds);
        cleanUp(atoms, bonds);
        return new SmilesGraph(atoms, bonds);
    }

    /** The heavy atoms and the bonds between them, both in their order here (RDKit's RemoveHs keeps the order). */
    SmilesGraph withoutHydrogens() {
        int[] newIndex = new int[atoms.size()];
        List<Atom> heavy = new ArrayList<>();
        for (int a = 0; a < atoms.size(); a++) {
            newIndex[a] = atoms.get(a).isHydrogen() ? -1 : heavy.size();
            if (!atoms.get(a).isHydrogen()) {
                heavy.add(atoms.get(a));
            }
        }
        List<Bond> kept = new ArrayList<>();
        for (Bond bond : bonds) {
            if (newIndex[bond.begin()] >= 0 && newIndex[bond.end()] >= 0) {
                kept.add(new Bond(newIndex[bond.begin()], newIndex[bond.end()], bond.order()));
            }
        }
        return new SmilesGraph(heavy, kept);
    }

    /**
     * AlphaFold 3's {@code assign_atom_names_from_graph}: the upper-cased symbol and a count per symbol in atom order
     * ({@code C1, C2, O1, CL1}).
     */
    List<String> atomNames() {
        Map<String, Integer> counts = new HashMap<>();
        List<String> names = new ArrayList<>(atoms.size());
        for (Atom atom : atoms) {
            int count = counts.merge(atom.symbol(), 1, Integer::sum);
            names.add(atom.symbol().toUpperCase(Locale.ROOT) + count);
        }
        return names;
    }

    /** RDKit's sanitizer {@code cleanUp}: nitro-like N, C=P(=O) and halogen oxides become charge-separated. */
    private static void cleanUp(List<Atom> atoms, List<Bond> bonds) {
        for (int a = 0; a < atoms.size(); a++) {
            switch (atoms.get(a).atomicNumber()) {
                case 7 -> nitrogenCleanUp(a, atoms, bonds);
                case 15 -> phosphorusCleanUp(a, atoms, bonds);
                case 17, 35, 53 -> halogenCleanUp(a, atoms, bonds);
                default -> { }
            }
        }
    }

    private static void nitrogenCleanUp(int a, List<Atom> atoms, List<Bond> bonds) {
        if (atoms.get(a).charge() != 0 || explicitValence(a, atoms, bonds) != 5) {
            return;
        }
        for (int b = 0; b < bonds.size(); b++) {
            Bond bond = bonds.get(b);
            if (bond.begin() != a && bond.end() != a) {
                continue;
            }
            int other = bond.other(a);
            Atom neighbour = atoms.get(other);
            if (neighbour.atomicNumber() == 8 && neighbour.charge() == 0 && bond.order() == Order.DOUBLE) {
                separate(a, other, b, Order.SINGLE, 1, atoms, bonds);
                return;
            }
            if (neighbour.atomicNumber() == 7 && neighbour.charge() == 0 && bond.order() == Order.TRIPLE) {
                separate(a, other, b, Order.DOUBLE, 1, atoms, bonds);
                return;
            }
        }
    }

    private static void phosphorusCleanUp(int a, List<Atom> atoms, List<Bond> bonds) {
        if (atoms.get(a).charge() != 0 || explicitValence(a, atoms, bonds) != 5 || degree(a, bonds) != 3) {
            return;
        }
        int doubleToOxygen = -1;
        boolean doubleToCarbonOrNitrogen = false;
        for (int b = 0; b < bonds.size(); b++) {
            Bond bond = bonds.get(b);
            if ((bond.begin() != a && bond.end() != a) || bond.order() != Order.DOUBLE) {
                continue;
            }
            Atom neighbour = atoms.get(bond.other(a));
            if (neighbour.atomicNumber() == 8 && neighbour.charge() == 0) {
                doubleToOxygen = b;
            } else if ((neighbour.atomicNumber() == 6 || neighbour.atomicNumber() == 7)
                    && degree(bond.other(a), bonds) >= 2) {
                doubleToCarbonOrNitrogen = true;
            }
        }
        if (doubleToCarbonOrNitrogen && doubleToOxygen >= 0) {
            separate(a, bonds.get(doubleToOxygen).other(a), doubleToOxygen, Order.SINGLE, 1, atoms, bonds);
        }
    }

    private static void halogenCleanUp(int a, List<Atom> atoms, List<Bond> bonds) {
        int valence = explicitValence(a, atoms, bonds);
        if (atoms.get(a).charge() != 0 || (valence != 7 && valence != 5 && valence != 3)) {
            return;
        }
        for (Bond bond : bonds) {
            if ((bond.begin() == a || bond.end() == a) && atoms.get(bond.other(a)).atomicNumber() != 8) {
                return;
            }
        }
        int charge = 0;
        for (int b = 0; b < bonds.size(); b++) {
            Bond bond = bonds.get(b);
            if ((bond.begin() == a || bond.end() == a) && bond.order() == Order.DOUBLE) {
                charge++;
                separate(a, bond.other(a), b, Order.SINGLE, charge, atoms, bonds);
            }
        }
    }

    private static void separate(int centre, int other, int bond, Order newOrder, int centreCharge, List<Atom> atoms,
                                 List<Bond> bonds) {
        Bond old = bonds.get(bond);
        bonds.set(bond, new Bond(old.begin(), old.end(), newOrder));
        atoms.set(centre, withCharge(atoms.get(centre), centreCharge));
        atoms.set(other, withCharge(atoms.get(other), -1));
    }

    private static Atom withCharge(Atom atom, int charge) {
        return new Atom(atom.atomicNumber(), atom.symbol(), atom.aromatic(), charge, atom.explicitHs());
    }

    /** RDKit's explicit valence of an atom taken as non-aromatic: bond orders (aromatic 1.5) plus bracket Hs. */
    private static int explicitValence(int a, List<Atom> atoms, List<Bond> bonds) {
        double sum = atoms.get(a).explicitHs();
        for (Bond bond : bonds) {
            if (bond.begin() == a || bond.end() == a) {
                sum += switch (bond.order()) {
                    case SINGLE -> 1;
                    case DOUBLE -> 2;
                    case TRIPLE -> 3;
                    case QUADRUPLE -> 4;
                    case AROMATIC -> 1.5;
                    case DATIVE -> bond.end() == a ? 1 : 0;
                };
            }
        }
        return (int) (sum + 0.1);
    }

    private static int degree(int a, List<Bond> bonds) {
        int degree = 0;
        for (Bond bond : bonds) {
            if (bond.begin() == a || bond.end() == a) {
                degree++;
            }
        }
        return degree;
    }

    /** One pass over the string following RDKit's SMILES grammar. */
    private static final class Parser {

        /** A ring opening or closing digit: its atom and the bond symbol written before the digit, if any. */
        private record RingEnd(int atom, String symbol) {
        }

        private final String smiles;
        private int pos;
        private final List<Atom> atoms = new ArrayList<>();
        private final List<Bond> bonds = new ArrayList<>();
        private final TreeMap<Integer, List<RingEnd>> rings = new TreeMap<>();

        Parser(String smiles) {
            this.smiles = smiles;
        }

        void run() {
            Deque<Integer> branchPoints = new ArrayDeque<>();
            int active = -1;
            String pendingBond = null;
            boolean afterDot = false;
            while (pos < smiles.length()) {
                char c = smiles.charAt(pos);
                if (c == '(') {
                    requireAtom(active, "branch");
                    branchPoints.push(active);
                    pos++;
                } else if (c == ')') {
                    if (branchPoints.isEmpty()) {
                        throw fail("extra close parenthesis");
                    }
                    if (pendingBond != null) {
                        throw fail("bond symbol before ')'");
                    }
                    active = branchPoints.pop();
                    pos++;
                } else if (c == '.') {
                    if (pendingBond != null) {
                        throw fail("bond symbol before '.'");
                    }
                    requireAtom(active, "'.'");
                    afterDot = true;
                    pos++;
                } else if (isBondStart(c)) {
                    requireAtom(active, "bond");
                    if (pendingBond != null) {
                        throw fail("two bond symbols in a row");
                    }
                    pendingBond = readBond();
                } else if (Character.isDigit(c) || c == '%') {
                    requireAtom(active, "ring closure");
                    if (afterDot) {
                        throw fail("ring closure right after '.'");
                    }
                    int ring = readRingNumber();
                    rings.computeIfAbsent(ring, k -> new ArrayList<>()).add(new RingEnd(active, pendingBond));
                    pendingBond = null;
                } else {
                    int start = pos;
                    Atom atom = readAtom();
                    int index = atoms.size();
                    atoms.add(atom);
                    if (active >= 0 && !afterDot) {
                        addBond(active, index, pendingBond, start);
                    } else if (pendingBond != null) {
                        throw fail("bond symbol without a preceding atom");
                    }
                    pendingBond = null;
                    afterDot = false;
                    active = index;
                }
            }
            if (atoms.isEmpty()) {
                throw new IllegalArgumentException("no atoms");
            }
            if (!branchPoints.isEmpty()) {
                throw new IllegalArgumentException("unclosed branch");
            }
            if (pendingBond != null || afterDot) {
                throw new IllegalArgumentException("the SMILES ends with a bond symbol or '.'");
            }
        }

        /** RDKit's {@code CloseMolRings}: ascending ring number, pairs in opening order. */
        void closeRings(List<Atom> outAtoms, List<Bond> outBonds) {
            for (Map.Entry<Integer, List<RingEnd>> ring : rings.entrySet()) {
                List<RingEnd> ends = ring.getValue();
                if (ends.size() % 2 != 0) {
                    throw new IllegalArgumentException("unclosed ring " + ring.getKey());
                }
                for (int i = 0; i < ends.size(); i += 2) {
                    RingEnd opening = ends.get(i);
                    RingEnd closing = ends.get(i + 1);
                    if (opening.atom() == closing.atom()) {
                        throw new IllegalArgumentException("ring closure " + ring.getKey() + " bonds an atom to itself");
                    }
                    for (Bond existing : outBonds) {
                        if ((existing.begin() == opening.atom() && existing.end() == closing.atom())
                                || (existing.begin() == closing.atom() && existing.end() == opening.atom())) {
                            throw new IllegalArgumentException("ring closure " + ring.getKey()
                                    + " duplicates a bond");
                        }
                    }
                    boolean openingSpecified = opening.symbol() != null && !isDirectional(opening.symbol());
                    RingEnd kept = openingSpecified ? opening : closing;
                    int begin = kept.atom();
                    int end = openingSpecified ? closing.atom() : opening.atom();
                    Order order = order(kept.symbol(), outAtoms.get(begin), outAtoms.get(end));
                    if ("<-".equals(kept.symbol())) {
                        outBonds.add(new Bond(end, begin, order));
                    } else {
                        outBonds.add(new Bond(begin, end, order));
                    }
                }
            }
        }

        private void addBond(int from, int to, String symbol, int at) {
            Order order = order(symbol, atoms.get(from), atoms.get(to));
            if ("<-".equals(symbol)) {
                bonds.add(new Bond(to, from, order));
            } else {
                bonds.add(new Bond(from, to, order));
            }
        }

        /** A bond's type: its symbol's, else aromatic between two aromatic atoms and single otherwise. */
        private static Order order(String symbol, Atom a, Atom b) {
            if (symbol == null || isDirectional(symbol)) {
                return a.aromatic() && b.aromatic() ? Order.AROMATIC : Order.SINGLE;
            }
            return switch (symbol) {
                case "-" -> Order.SINGLE;
                case "=" -> Order.DOUBLE;
                case "#" -> Order.TRIPLE;
                case "$" -> Order.QUADRUPLE;
                case ":" -> Order.AROMATIC;
                default -> Order.DATIVE;
            };
        }

        private static boolean isDirectional(String symbol) {
            return symbol.equals("/") || symbol.equals("\\") || symbol.equals("\\\\");
        }

        private static boolean isBondStart(char c) {
            return "-=#$:/\\<".indexOf(c) >= 0;
        }

        private String readBond() {
            if (smiles.startsWith("->", pos) || smiles.startsWith("<-", pos) || smiles.startsWith("\\\\", pos)) {
                pos += 2;
                return smiles.substring(pos - 2, pos);
            }
            if (smiles.charAt(pos) == '<') {
                throw fail("'<' not followed by '-'");
            }
            return String.valueOf(smiles.charAt(pos++));
        }

        private int readRingNumber() {
            if (smiles.charAt(pos) != '%') {
                return smiles.charAt(pos++) - '0';
            }
            pos++;
            if (pos < smiles.length() && smiles.charAt(pos) == '(') {
                int close = smiles.indexOf(')', pos);
                String digits = close < 0 ? "" : smiles.substring(pos + 1, close);
                if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
                    throw fail("bad %(...) ring number");
                }
                pos = close + 1;
                return Integer.parseInt(digits);
            }
            if (pos + 1 >= smiles.length() || !Character.isDigit(smiles.charAt(pos))
                    || !Character.isDigit(smiles.charAt(pos + 1)) || smiles.charAt(pos) == '0') {
                throw fail("'%' must be followed by two digits (10-99)");
            }
            int ring = Integer.parseInt(smiles.substring(pos, pos + 2));
            pos += 2;
            return ring;
        }

        private Atom readAtom() {
            char c = smiles.charAt(pos);
            if (c == '[') {
                return readBracketAtom();
            }
            for (String organic : new String[]{"Cl", "Br"}) {
                if (smiles.startsWith(organic, pos)) {
                    pos += 2;
                    return plain(organic, false);
                }
            }
            pos++;
            return switch (c) {
                case 'B', 'C', 'N', 'O', 'P', 'S', 'F', 'I' -> plain(String.valueOf(c), false);
                case 'b', 'c', 'n', 'o', 'p', 's' -> plain(String.valueOf(Character.toUpperCase(c)), true);
                case '*' -> new Atom(0, "*", false, 0, 0);
                default -> {
                    pos--;
                    throw fail("unexpected character '" + c + "'");
                }
            };
        }

        private static Atom plain(String symbol, boolean aromatic) {
            return new Atom(Elements.atomicNumber(symbol), symbol, aromatic, 0, 0);
        }

        /** {@code [isotope? symbol chirality? hcount? charge? (:map)?]} as RDKit's grammar reads it. */
        private Atom readBracketAtom() {
            int close = smiles.indexOf(']', pos);
            if (close < 0) {
                throw fail("unclosed '['");
            }
            int p = pos + 1;
            while (p < close && Character.isDigit(smiles.charAt(p))) {
                p++;
            }
            int atomicNumber;
            String symbol;
            boolean aromatic = false;
            String rest = smiles.substring(p, close);
            if (rest.startsWith("#")) {
                int q = 1;
                while (q < rest.length() && Character.isDigit(rest.charAt(q))) {
                    q++;
                }
                if (q == 1) {
                    throw fail("'#' without an atomic number");
                }
                atomicNumber = Integer.parseInt(rest.substring(1, q));
                symbol = atomicNumber == 0 ? "*" : Elements.symbol(atomicNumber);
                p += q;
            } else {
                String matched = bracketSymbol(rest);
                if (matched == null) {
                    throw fail("unknown element in brackets");
                }
                p += matched.length();
                aromatic = Character.isLowerCase(matched.charAt(0));
                if (matched.equals("*")) {
                    atomicNumber = 0;
                    symbol = "*";
                } else {
                    symbol = aromatic ? Character.toUpperCase(matched.charAt(0)) + matched.substring(1) : matched;
                    atomicNumber = Elements.atomicNumber(symbol);
                }
            }
            // chirality: @, @@, @TH1, @AL1, @SP1, @TB12, @OH30 (RDKit reads the class and number, no order effect)
            if (p < close && smiles.charAt(p) == '@') {
                p++;
                if (p < close && smiles.charAt(p) == '@') {
                    p++;
                } else if (p + 1 < close && Character.isUpperCase(smiles.charAt(p))
                        && Character.isUpperCase(smiles.charAt(p + 1))) {
                    p += 2;
                    while (p < close && Character.isDigit(smiles.charAt(p))) {
                        p++;
                    }
                }
            }
            int hydrogens = 0;
            if (p < close && smiles.charAt(p) == 'H') {
                p++;
                hydrogens = 1;
                int q = p;
                while (q < close && Character.isDigit(smiles.charAt(q))) {
                    q++;
                }
                if (q > p) {
                    hydrogens = Integer.parseInt(smiles.substring(p, q));
                    p = q;
                }
            }
            int charge = 0;
            if (p < close && (smiles.charAt(p) == '+' || smiles.charAt(p) == '-')) {
                char sign = smiles.charAt(p);
                p++;
                int q = p;
                while (q < close && Character.isDigit(smiles.charAt(q))) {
                    q++;
                }
                if (q > p) {
                    charge = Integer.parseInt(smiles.substring(p, q));
                    p = q;
                } else if (p < close && smiles.charAt(p) == sign) {
                    charge = 2;
                    p++;
                } else {
                    charge = 1;
                }
                charge = sign == '+' ? charge : -charge;
            }
            if (p < close && smiles.charAt(p) == ':') {
                p++;
                int q = p;
                while (q < close && Character.isDigit(smiles.charAt(q))) {
                    q++;
                }
                if (q == p) {
                    throw fail("atom map ':' without a number");
                }
                p = q;
            }
            if (p != close) {
                pos = p;
                throw fail("unexpected text in brackets");
            }
            pos = close + 1;
            return new Atom(atomicNumber, symbol, aromatic, charge, hydrogens);
        }

        /** The longest element (or aromatic symbol) at the start of a bracket's text, as RDKit's lexer matches it. */
        private static String bracketSymbol(String text) {
            if (text.startsWith("*")) {
                return "*";
            }
            for (String aromatic : new String[]{"si", "as", "se", "te"}) {
                if (text.startsWith(aromatic)) {
                    return aromatic;
                }
            }
            if (text.length() >= 2 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))
                    && Elements.atomicNumber(text.substring(0, 2)) > 0) {
                return text.substring(0, 2);
            }
            if (!text.isEmpty() && Character.isUpperCase(text.charAt(0)) && text.charAt(0) != 'D'
                    && Elements.atomicNumber(text.substring(0, 1)) > 0) {
                return text.substring(0, 1);
            }
            if (!text.isEmpty() && "bcnops".indexOf(text.charAt(0)) >= 0) {
                return text.substring(0, 1);
            }
            return null;
        }

        private void requireAtom(int active, String what) {
            if (active < 0) {
                throw fail(what + " before any atom");
            }
        }

        private IllegalArgumentException fail(String reason) {
            return new IllegalArgumentException(reason + " at position " + (pos + 1));
        }
    }
}
