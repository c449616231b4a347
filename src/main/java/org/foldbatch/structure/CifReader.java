package org.foldbatch.structure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.rcsb.cif.CifIO;
import org.rcsb.cif.ParsingException;
import org.rcsb.cif.model.Column;
import org.rcsb.cif.model.FloatColumn;
import org.rcsb.cif.model.ValueKind;

/**
 * Reads CIF or BinaryCIF (optionally gzipped) into {@link CifBlock}s with RCSB's ciftools-java. Values come back as
 * CIF tokens: ciftools reports {@code .} and {@code ?} as value kinds, which are turned back into those tokens.
 */
public final class CifReader {

    private CifReader() {
    }

    public static CifBlock read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mmCIF " + file + ": " + e.getMessage(), e);
        }
        return read(bytes, file.toString());
    }

    public static CifBlock read(String text, String source) {
        return read(text.getBytes(StandardCharsets.UTF_8), source);
    }

    /** Parses the first data block; {@code source} names the input in error messages. */
    public static CifBlock read(byte[] bytes, String source) {
        try {
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                }
            }
            boolean binary = bytes.length > 0 && (bytes[0] & 0xff) >= 0x80;
            if (!binary) {
                CifSyntaxCheck.check(new String(bytes, StandardCharsets.UTF_8), source);
            }
            var file = CifIO.readFromInputStream(new ByteArrayInputStream(bytes));
            if (file.getBlocks().isEmpty()) {
                throw new MmcifParseException(source + ": no data_ block found");
            }
            var block = file.getBlocks().get(0);
            var categories = new ArrayList<CifCategory>();
            for (var category : block.getCategories().values()) {
                var columns = new LinkedHashMap<String, List<String>>();
                for (var columnName : category.getColumnNames()) {
                    columns.put(columnName, tokens(category.getColumn(columnName), binary));
                }
                categories.add(new CifCategory("_" + category.getCategoryName(), columns));
            }
            return new CifBlock(block.getBlockHeader(), categories);
        } catch (ParsingException e) {
            throw new MmcifParseException(source + ": malformed CIF: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MmcifParseException(source + ": malformed CIF: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MmcifParseException(source + ": cannot read CIF: " + e.getMessage(), e);
        }
    }

    private static List<String> tokens(Column<?> column, boolean binary) {
        int n = column.getRowCount();
        var out = new ArrayList<String>(n);
        for (int i = 0; i < n; i++) {
            var kind = column.getValueKind(i);
            if (kind == ValueKind.NOT_PRESENT) {
                out.add(".");
            } else if (kind == ValueKind.UNKNOWN) {
                out.add("?");
            } else if (binary && column instanceof FloatColumn floats) {
                out.add(decimal(floats.get(i)));
            } else {
                out.add(column.getStringData(i));
            }
        }
        return out;
    }

    /** BinaryCIF stores decimals as doubles; 12 significant digits undo the binary rounding (1.4000000000000001). */
    private static String decimal(double value) {
        var text = new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }
}
