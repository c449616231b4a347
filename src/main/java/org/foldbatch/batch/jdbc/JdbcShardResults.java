package org.foldbatch.batch.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.foldbatch.msa.ShardPartition.ShardResult;
import org.foldbatch.pipeline.ShardResultStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code fb_shard_result}: each shard's output of a shard-group partition, written in its own transaction so the
 * partition that finds every shard stored can merge while this one still runs. A row failing its checksum is
 * deleted and read as absent, so its shard is searched again.
 */
public final class JdbcShardResults implements ShardResultStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcShardResults.class);

    private final JdbcTemplate jdbc;
    private final NewTransactions writes;

    public JdbcShardResults(JdbcTemplate jdbc, NewTransactions writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public Optional<ShardResult> find(String cacheKey, int shard) {
        List<Optional<ShardResult>> rows = jdbc.query(
                "SELECT * FROM fb_shard_result WHERE cache_key = ? AND shard_index = ?", (rs, i) -> {
                    String a3m = CompressedText.unpack(rs.getBytes("a3m_zstd"), rs.getLong("a3m_bytes"),
                            rs.getString("a3m_sha256"));
                    String tblout = CompressedText.unpack(rs.getBytes("tblout_zstd"), rs.getLong("tblout_bytes"),
                            rs.getString("tblout_sha256"));
                    return a3m == null || tblout == null ? Optional.<ShardResult>empty()
                            : Optional.of(new ShardResult(a3m, rs.getInt("hits"), tblout, rs.getDouble("cpu_seconds")));
                }, cacheKey, shard);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (rows.get(0).isEmpty()) {
            log.warn("shard {} of search {} failed its checksum; deleting it so the shard is searched again", shard,
                    cacheKey);
            writes.run(() -> jdbc.update("DELETE FROM fb_shard_result WHERE cache_key = ? AND shard_index = ?",
                    cacheKey, shard));
        }
        return rows.get(0);
    }

    /** A second writer of the same shard (a redelivered partition) stored the same output: it wins silently. */
    @Override
    public void store(String cacheKey, int shard, ShardResult result) {
        CompressedText a3m = CompressedText.pack(result.a3m());
        CompressedText tblout = CompressedText.pack(result.tblout());
        try {
            writes.run(() -> jdbc.update(SqlStatements.get("shard_result_insert"), cacheKey, shard, a3m.zstd(),
                    a3m.sha256(), a3m.bytes(), tblout.zstd(), tblout.sha256(), tblout.bytes(), result.hits(),
                    result.cpuSeconds(), Timestamp.from(Instant.now())));
        } catch (DuplicateKeyException alreadyStored) {
            log.debug("shard {} of search {} was stored by another partition first", shard, cacheKey);
        }
    }
}
