package org.foldbatch.util;

import java.util.List;
import java.util.Map;

/**
 * Writes values the way Python's {@code json.dumps(value, indent=2)} does (default {@code ensure_ascii=True}): maps,
 * lists, strings, integers, booleans and null. Non-ASCII characters become lower-case {@code \\uXXXX} escapes of
 * their UTF-16 units, so characters outside the BMP come out as surrogate pairs, as in Python.
 */
public final class PythonJson {

    private PythonJson() {
    }

    public static String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",").append('\n').append("  ".repeat(level + 1));
                quote(out, (String) entry.getKey());
                out.append(": ");
                write(out, entry.getValue(), level + 1);
                first = false;
            }
            out.append('\n').append("  ".repeat(level)).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ",").append('\n').append("  ".repeat(level + 1));
                write(out, item, level + 1);
                first = false;
            }
            out.append('\n').append("  ".repeat(level)).append(']');
        } else {
            throw new IllegalArgumentException("Cannot write " + value.getClass() + " as JSON");
        }
    }

    public static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr} of a string, for error messages. */
    public static String repr(String s) {
        boolean useDouble = s.indexOf('\'') >= 0 && s.indexOf('"') < 0;
        char quote = useDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == quote) {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }
}
