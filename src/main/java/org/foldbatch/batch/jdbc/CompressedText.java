package org.foldbatch.batch.jdbc;

import java.nio.charset.StandardCharsets;

import com.github.luben.zstd.Zstd;
import org.foldbatch.util.Hashing;

/** Text stored zstd-compressed with the SHA-256 of its bytes, so a damaged row reads back as "absent", never as data. */
record CompressedText(byte[] zstd, String sha256, long bytes) {

    private static final int ZSTD_LEVEL = 6;

    static CompressedText pack(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        return new CompressedText(Zstd.compress(raw, ZSTD_LEVEL), Hashing.sha256(raw), raw.length);
    }

    /** The text, or null when the bytes do not decompress to the recorded size and checksum. */
    static String unpack(byte[] zstd, long bytes, String sha256) {
        try {
            byte[] raw = Zstd.decompress(zstd, Math.toIntExact(bytes));
            return Hashing.sha256(raw).equals(sha256) ? new String(raw, StandardCharsets.UTF_8) : null;
        } catch (RuntimeException damaged) {
            return null;
        }
    }
}
