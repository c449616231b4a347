package org.foldbatch.input;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.foldbatch.constants.Elements;

/**
 * A strict syntax check of (Open)SMILES: atoms and bracket atoms, bonds, balanced branches, paired ring closures and
 * dot-separated components. OpenChemLib's parser is lenient about some of these (an unclosed branch, a doubled bond
 * symbol), while RDKit, which AlphaFold 3 uses, rejects them.
 */
final class SmilesSyntax {

    private static final Set<String> AROMATIC_IN_BRACKETS = Set.of("b", "c", "n", "o", "p", "s", "se", "as", "te");
    private static final String BONDS = "-=#$:/\\";

    private final String smiles;
    private int pos;

    private SmilesSyntax(String smiles) {
        this.smiles = smiles;
    }

    /** Returns null when the SMILES is syntactically valid, else the first problem found. */
    static String problem(String smiles) {
        if (smiles.isEmpty()) {
            return "empty SMILES";
        }
        try {
            new SmilesSyntax(smiles).check();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private enum Token { START, ATOM, RING, BOND, OPEN, CLOSE, DOT }

    private void check() {
        Map<Integer, Integer> openRings = new HashMap<>();
        int depth = 0;
        int atoms = 0;
        Token last = Token.START;
        Token beforeBond = Token.START;
        while (pos < smiles.length()) {
            char c = smiles.charAt(pos);
            int at = pos;
            boolean afterAtom = last == Token.ATOM || last == Token.RING || last == Token.CLOSE;
            if (c == '(') {
                if (!afterAtom) {
                    throw fail("branch '(' without a preceding atom", at);
                }
                depth++;
                pos++;
                last = Token.OPEN;
            } else if (c == ')') {
                if (depth == 0) {
                    throw fail("closing ')' without an opening '('", at);
                }
                if (!afterAtom) {
                    throw fail("empty branch or dangling bond before ')'", at);
                }
                depth--;
                pos++;
                last = Token.CLOSE;
            } else if (c == '.') {
                if (!afterAtom) {
                    throw fail("'.' must separate two components", at);
                }
                pos++;
                last = Token.DOT;
            } else if (BONDS.indexOf(c) >= 0) {
                if (!afterAtom && last != Token.OPEN) {
                    throw fail(last == Token.BOND ? "two bond symbols in a row"
                            : "bond '" + c + "' without a preceding atom", at);
                }
                pos++;
                beforeBond = last;
                last = Token.BOND;
            } else if (Character.isDigit(c) || c == '%') {
                boolean onAtom = last == Token.ATOM || last == Token.RING
                        || (last == Token.BOND && (beforeBond == Token.ATOM || beforeBond == Token.RING));
                if (!onAtom) {
                    throw fail("ring closure without a preceding atom", at);
                }
                int ring = ringNumber();
                Integer opener = openRings.remove(ring);
                if (opener == null) {
                    openRings.put(ring, atoms);
                } else if (opener == atoms) {
                    throw fail("ring closure " + ring + " bonds an atom to itself", at);
                }
                last = Token.RING;
            } else {
                atom();
                atoms++;
                last = Token.ATOM;
            }
        }
        if (last != Token.ATOM && last != Token.RING && last != Token.CLOSE) {
            throw fail(last == Token.BOND ? "dangling bond at the end" : "unexpected end", smiles.length());
        }
        if (depth != 0) {
            throw fail("unclosed branch '('", smiles.length());
        }
        if (!openRings.isEmpty()) {
            throw fail("unclosed ring " + openRings.keySet().iterator().next(), smiles.length());
        }
    }

    private int ringNumber() {
        if (smiles.charAt(pos) == '%') {
            if (pos + 2 >= smiles.length() || !Character.isDigit(smiles.charAt(pos + 1))
                    || !Character.isDigit(smiles.charAt(pos + 2))) {
                throw fail("'%' must be followed by two digits", pos);
            }
            int ring = Integer.parseInt(smiles.substring(pos + 1, pos + 3));
            pos += 3;
            return ring;
        }
        return smiles.charAt(pos++) - '0';
    }

    private void atom() {
        char c = smiles.charAt(pos);
        if (c == '[') {
            bracketAtom();
            return;
        }
        if (c == '*') {
            pos++;
            return;
        }
        if (smiles.startsWith("Cl", pos) || smiles.startsWith("Br", pos)) {
            pos += 2;
            return;
        }
        if ("BCNOPSFIbcnops".indexOf(c) >= 0) {
            pos++;
            return;
        }
        throw fail("unexpected character '" + c + "'", pos);
    }

    private void bracketAtom() {
        int start = pos;
        int end = smiles.indexOf(']', start);
        if (end < 0) {
            throw fail("unclosed bracket atom '['", start);
        }
        pos++;
        while (pos < end && Character.isDigit(smiles.charAt(pos))) {
            pos++;
        }
        if (pos < end && smiles.charAt(pos) == '*') {
            pos++;
        } else {
            String symbol = elementSymbol(end);
            if (symbol == null) {
                throw fail("unknown element in bracket atom " + smiles.substring(start, end + 1), start);
            }
        }
        if (pos < end && smiles.charAt(pos) == '@') {
            pos++;
            if (pos < end && smiles.charAt(pos) == '@') {
                pos++;
            } else if (smiles.startsWith("TH", pos) || smiles.startsWith("AL", pos) || smiles.startsWith("SP", pos)
                    || smiles.startsWith("TB", pos) || smiles.startsWith("OH", pos)) {
                pos += 2;
                skipDigits(end);
            }
        }
        if (pos < end && smiles.charAt(pos) == 'H') {
            pos++;
            skipDigits(end);
        }
        if (pos < end && (smiles.charAt(pos) == '+' || smiles.charAt(pos) == '-')) {
            char sign = smiles.charAt(pos++);
            if (pos < end && smiles.charAt(pos) == sign) {
                pos++;
            } else {
                skipDigits(end);
            }
        }
        if (pos < end && smiles.charAt(pos) == ':') {
            pos++;
            int digitsStart = pos;
            skipDigits(end);
            if (pos == digitsStart) {
                throw fail("atom class ':' without a number in " + smiles.substring(start, end + 1), start);
            }
        }
        if (pos != end) {
            throw fail("malformed bracket atom " + smiles.substring(start, end + 1), start);
        }
        pos = end + 1;
    }

    private String elementSymbol(int end) {
        for (int length = 2; length >= 1; length--) {
            if (pos + length > end) {
                continue;
            }
            String candidate = smiles.substring(pos, pos + length);
            if (Elements.isSymbol(candidate) || AROMATIC_IN_BRACKETS.contains(candidate)) {
                pos += length;
                return candidate;
            }
        }
        return null;
    }

    private void skipDigits(int end) {
        while (pos < end && Character.isDigit(smiles.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException fail(String what, int at) {
        return new IllegalArgumentException(what + " at position " + at);
    }
}
