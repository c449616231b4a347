package org.foldbatch.structure.ccd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one {@code data_} block of CCD-style CIF into tag → values. The CCD is one flat dictionary per block, so a
 * small tokenizer is enough and lets {@link Ccd} parse only the blocks a job asks for out of a 400 MB components.cif.
 */
final class CcdBlockParser {

    private final String text;
    private final String source;
    private int pos;
    private int line = 1;

    private CcdBlockParser(String text, String source, int firstLine) {
        this.text = text;
        this.source = source;
        this.line = firstLine;
    }

    /** @param firstLine line number of the block's first line in its file, for error messages */
    static Map<String, List<String>> parse(String blockText, String source, int firstLine) {
        return new CcdBlockParser(blockText, source, firstLine).parse();
    }

    private Map<String, List<String>> parse() {
        Map<String, List<String>> items = new LinkedHashMap<>();
        List<String> tokens = new ArrayList<>();
        List<Boolean> isTag = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (Token t = next(); t != null; t = next()) {
            tokens.add(t.value);
            isTag.add(t.bare && t.value.startsWith("_"));
            lines.add(t.line);
        }
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i);
            if (token.startsWith("data_") && !isTag.get(i)) {
                i++;
            } else if (token.equalsIgnoreCase("loop_")) {
                i++;
                List<String> tags = new ArrayList<>();
                while (i < tokens.size() && isTag.get(i)) {
                    tags.add(tokens.get(i++));
                }
                List<List<String>> columns = new ArrayList<>();
                for (String tag : tags) {
                    columns.add(items.computeIfAbsent(tag, k -> new ArrayList<>()));
                }
                int count = 0;
                int loopLine = i < lines.size() ? lines.get(i) : line;
                while (i < tokens.size() && !isTag.get(i) && !tokens.get(i).equalsIgnoreCase("loop_")
                        && !tokens.get(i).startsWith("data_")) {
                    columns.get(count % tags.size()).add(tokens.get(i++));
                    count++;
                }
                if (tags.isEmpty() || count % tags.size() != 0) {
                    throw new CcdException(source + " line " + loopLine + ": loop of " + tags + " has " + count
                            + " values, not a multiple of " + tags.size());
                }
            } else if (isTag.get(i)) {
                if (i + 1 >= tokens.size() || isTag.get(i + 1)) {
                    throw new CcdException(source + " line " + lines.get(i) + ": tag " + token + " has no value");
                }
                items.computeIfAbsent(token, k -> new ArrayList<>()).add(tokens.get(i + 1));
                i += 2;
            } else {
                throw new CcdException(source + " line " + lines.get(i) + ": unexpected value '" + token + "'");
            }
        }
        return items;
    }

    private record Token(String value, boolean bare, int line) {
    }

    private Token next() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        if (pos >= text.length()) {
            return null;
        }
        int start = pos;
        int startLine = line;
        char c = text.charAt(pos);
        if (c == ';' && (pos == 0 || text.charAt(pos - 1) == '\n')) {
            int end = text.indexOf("\n;", pos);
            if (end < 0) {
                throw new CcdException(source + " line " + startLine + ": unterminated ; text field");
            }
            String value = text.substring(pos + 1, end);
            line += (int) value.chars().filter(ch -> ch == '\n').count() + 1;
            pos = end + 2;
            return new Token(value.endsWith("\r") ? value.substring(0, value.length() - 1) : value, false,
                    startLine);
        }
        if (c == '\'' || c == '"') {
            int p = pos + 1;
            while (p < text.length()) {
                if (text.charAt(p) == c && (p + 1 >= text.length() || Character.isWhitespace(text.charAt(p + 1)))) {
                    pos = p + 1;
                    return new Token(text.substring(start + 1, p), false, startLine);
                }
                if (text.charAt(p) == '\n') {
                    break;
                }
                p++;
            }
            throw new CcdException(source + " line " + startLine + ": unterminated quoted value");
        }
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return new Token(text.substring(start, pos), true, startLine);
    }
}
