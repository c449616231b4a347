package org.foldbatch.batch.jdbc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.foldbatch.feature.ConformerCache;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Conformers shared by every process on the database: a component is embedded once per seed, not once per job. */
public final class JdbcConformerCache implements ConformerCache {

    private final JdbcTemplate jdbc;

    private final NewTransactions writes;

    public JdbcConformerCache(JdbcTemplate jdbc, NewTransactions writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public Optional<Conformer> get(String componentKey, long seed) {
        List<Conformer> rows = jdbc.query(
                "SELECT atom_count, coordinates FROM fb_conformer_cache WHERE component_key = ? AND seed = ?",
                (rs, i) -> new Conformer(decode(rs.getBytes(2), rs.getInt(1))), componentKey, seed);
        return rows.stream().findFirst();
    }

    @Override
    public void put(String componentKey, long seed, Conformer conformer) {
        double[][] xyz = conformer.coordinates();
        try {
            writes.run(() -> jdbc.update(SqlStatements.get("conformer_cache_insert"), componentKey, seed,
                    xyz == null ? 0 : xyz.length, encode(xyz), Timestamp.from(Instant.now())));
        } catch (DuplicateKeyException sameSeedSameComponent) {
            // Generation is seeded: the stored conformer is the one we computed.
        }
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
