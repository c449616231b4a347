package org.foldbatch.structure;

import java.util.HashSet;
import java.util.Set;

/**
 * A line-aware syntax pass over CIF text. ciftools-java parses leniently: it accepts an unterminated quote, lets a
 * repeated key silently replace the first, and reports a short loop without a line number. This pass finds those
 * faults first so the error names the line.
 */
final class CifSyntaxCheck {

    private final String source;
    private final Set<String> keys = new HashSet<>();
    private String pendingKey;
    private int pendingKeyLine;
    private boolean inLoopHeader;
    private int loopKeys;
    private int loopValues;
    private int loopLine;
    private String loopCategory;

    private CifSyntaxCheck(String source) {
        this.source = source;
    }

    static void check(String text, String source) {
        new CifSyntaxCheck(source).run(text);
    }

    private void run(String text) {
        var lines = text.split("\n", -1);
        boolean seenData = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            var line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            if (line.charAt(0) == ';') {
                int start = lineNumber;
                i++;
                while (i < lines.length && (lines[i].isEmpty() || lines[i].charAt(0) != ';')) {
                    i++;
                }
                if (i >= lines.length) {
                    throw error(start, "text field opened with ';' is never closed");
                }
                value(start);
                continue;
            }
            int pos = 0;
            int n = line.length();
            while (pos < n) {
                char c = line.charAt(pos);
                if (c == ' ' || c == '\t') {
                    pos++;
                    continue;
                }
                if (c == '#') {
                    break;
                }
                int start = pos;
                boolean quoted = c == '\'' || c == '"';
                if (quoted) {
                    pos++;
                    while (true) {
                        while (pos < n && line.charAt(pos) != c) {
                            pos++;
                        }
                        if (pos == n) {
                            throw error(lineNumber, "quote " + c + " opened at column " + (start + 1) + " is not closed");
                        }
                        if (pos + 1 == n || line.charAt(pos + 1) == ' ' || line.charAt(pos + 1) == '\t') {
                            break;
                        }
                        pos++;
                    }
                    pos++;
                    value(lineNumber);
                    continue;
                }
                while (pos < n && line.charAt(pos) != ' ' && line.charAt(pos) != '\t') {
                    pos++;
                }
                var token = line.substring(start, pos);
                if (!seenData) {
                    if (!token.regionMatches(true, 0, "data_", 0, 5)) {
                        // the token is not quoted: a file that is not mmCIF must not have its content copied into messages
                        throw error(lineNumber, "expected a data_ block header; the file is not mmCIF");
                    }
                    seenData = true;
                } else if (token.regionMatches(true, 0, "data_", 0, 5)) {
                    endLoop();
                    return; // Only the first block is read.
                } else if (token.equalsIgnoreCase("loop_")) {
                    missingValueCheck();
                    endLoop();
                    inLoopHeader = true;
                    loopKeys = 0;
                    loopValues = 0;
                    loopLine = lineNumber;
                    loopCategory = null;
                } else if (token.startsWith("_") && (inLoopHeader || loopKeys == 0 || loopValues % loopKeys == 0)) {
                    key(token, lineNumber);
                } else {
                    value(lineNumber);
                }
            }
        }
        if (!seenData) {
            throw error(0, "empty CIF, no data_ block");
        }
        missingValueCheck();
        endLoop();
    }

    private void key(String token, int line) {
        if (inLoopHeader) {
            if (!keys.add(token)) {
                throw error(line, "duplicate key " + token);
            }
            loopKeys++;
            if (loopCategory == null) {
                loopCategory = token.contains(".") ? token.substring(0, token.indexOf('.')) : token;
            }
            return;
        }
        missingValueCheck();
        endLoop();
        if (!keys.add(token)) {
            throw error(line, "duplicate key " + token);
        }
        pendingKey = token;
        pendingKeyLine = line;
    }

    private void value(int line) {
        if (inLoopHeader) {
            if (loopKeys == 0) {
                throw error(line, "value before any column name in loop_ started at line " + loopLine);
            }
            inLoopHeader = false;
        }
        if (loopKeys > 0) {
            loopValues++;
            return;
        }
        if (pendingKey == null) {
            throw error(line, "value without a key");
        }
        pendingKey = null;
    }

    private void missingValueCheck() {
        if (pendingKey != null) {
            throw error(pendingKeyLine, "key " + pendingKey + " has no value");
        }
    }

    private void endLoop() {
        if (loopKeys > 0 && loopValues % loopKeys != 0) {
            throw error(loopLine, "loop_ of " + loopCategory + " has " + loopValues + " values, not a multiple of its "
                    + loopKeys + " columns");
        }
        inLoopHeader = false;
        loopKeys = 0;
        loopValues = 0;
    }

    private MmcifParseException error(int line, String reason) {
        return new MmcifParseException(source + (line > 0 ? ": line " + line : "") + ": " + reason);
    }
}
