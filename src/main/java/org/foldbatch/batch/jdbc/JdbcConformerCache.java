package org.foldbatch.batch.jdbc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.foldbatch.feature.ConformerCache;
import org.foldbatch.util.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Conformers shared by every process on the database: a component is embedded once per seed, not once per job.
 * Each row carries a SHA-256 of its key, atom count and coordinate bytes; a row that fails it (zeroed, truncated,
 * edited) is reported, deleted and read as a miss, so the featuriser recomputes and stores it again, as the MSA
 * cache does.
 */
public final class JdbcConformerCache implements ConformerCache {

    private static final Logger log = LoggerFactory.getLogger(JdbcConformerCache.class);

    private final JdbcTemplate jdbc;

    private final NewTransactions writes;

    public JdbcConformerCache(JdbcTemplate jdbc, NewTransactions writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public Optional<Conformer> get(String componentKey, long seed) {
        List<Optional<Conformer>> rows = jdbc.query(
                "SELECT atom_count, coordinates, checksum FROM fb_conformer_cache WHERE component_key = ? AND seed = ?",
                (rs, i) -> verified(componentKey, seed, rs.getInt(1), rs.getBytes(2), rs.getString(3)),
                componentKey, seed);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (rows.get(0).isEmpty()) {
            log.warn("Conformer cache entry {} seed {} failed its checksum; deleting it and generating it again",
                    componentKey, seed);
            writes.run(() -> jdbc.update("DELETE FROM fb_conformer_cache WHERE component_key = ? AND seed = ?",
                    componentKey, seed));
        }
        return rows.get(0);
    }

    @Override
    public void put(String componentKey, long seed, Conformer conformer) {
        double[][] xyz = conformer.coordinates();
        int atoms = xyz == null ? 0 : xyz.length;
        byte[] bytes = encode(xyz);
        try {
            writes.run(() -> jdbc.update(SqlStatements.get("conformer_cache_insert"), componentKey, seed, atoms, bytes,
                    checksum(componentKey, seed, atoms, bytes), Timestamp.from(Instant.now())));
        } catch (DuplicateKeyException sameSeedSameComponent) {
            // Generation is seeded: the stored conformer is the one we computed.
        }
    }

    /** The stored conformer, or empty when the row does not match its checksum or cannot be decoded. */
    private static Optional<Conformer> verified(String key, long seed, int atoms, byte[] bytes, String checksum) {
        boolean sized = bytes == null ? atoms == 0 : bytes.length == atoms * 3 * Double.BYTES;
        if (!sized || !checksum(key, seed, atoms, bytes).equals(checksum)) {
            return Optional.empty();
        }
        return Optional.of(new Conformer(decode(bytes, atoms)));
    }

    /** SHA-256 over the key, seed, atom count and bytes (a failed generation stores no bytes). */
    static String checksum(String key, long seed, int atoms, byte[] bytes) {
        MessageDigest digest = Hashing.digest();
        digest.update((key + "\n" + seed + "\n" + atoms + "\n" + (bytes == null ? "failed" : "xyz") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        if (bytes != null) {
            digest.update(bytes);
        }
        return Hashing.hex(digest);
    }

    private static byte[] encode(double[][] xyz) {
        if (xyz == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(xyz.length * 3 * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] atom : xyz) {
            b.putDouble(atom[0]).putDouble(atom[1]).putDouble(atom[2]);
        }
        return b.array();
    }

    private static double[][] decode(byte[] bytes, int atoms) {
        if (bytes == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[][] xyz = new double[atoms][3];
        for (double[] atom : xyz) {
            atom[0] = b.getDouble();
            atom[1] = b.getDouble();
            atom[2] = b.getDouble();
        }
        return xyz;
    }
}
