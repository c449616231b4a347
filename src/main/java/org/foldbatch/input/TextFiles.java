package org.foldbatch.input;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Reads a text file that may be gzip, xz or zstd compressed, detected by magic bytes as AlphaFold 3 does. Text from a
 * compressed file gets universal newlines (CRLF and CR become LF) because Python reads it in text mode; a plain file is
 * decoded as is.
 */
public final class TextFiles {

    private static final byte[] GZIP = {0x1f, (byte) 0x8b};
    private static final byte[] XZ = {(byte) 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00};
    private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

    private TextFiles() {
    }

    public static String read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        if (startsWith(bytes, GZIP)) {
            return universalNewlines(decode(inflate(new GZIPInputStream(new ByteArrayInputStream(bytes)))));
        }
        if (startsWith(bytes, XZ)) {
            return universalNewlines(decode(inflate(new XZInputStream(new ByteArrayInputStream(bytes)))));
        }
        if (startsWith(bytes, ZSTD)) {
            return universalNewlines(decode(inflate(new ZstdInputStream(new ByteArrayInputStream(bytes)))));
        }
        return decode(bytes);
    }

    private static byte[] inflate(InputStream in) throws IOException {
        try (InputStream stream = new BufferedInputStream(in)) {
            return stream.readAllBytes();
        }
    }

    private static String decode(byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8 text", e);
        }
    }

    private static String universalNewlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }
}
