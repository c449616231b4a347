package org.foldbatch.batch.jdbc;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.foldbatch.msa.MoleculeType;
import org.foldbatch.pipeline.MergedMsa;
import org.foldbatch.pipeline.MergedMsaStore;
import org.foldbatch.util.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * {@code fb_chain_msa}: each chain's merged MSAs, written in their own transaction so a step killed afterwards keeps
 * them. A row that fails its checksum is deleted and read as absent; the pipeline then merges the cached searches
 * again.
 */
public final class JdbcChainMsaStore implements MergedMsaStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcChainMsaStore.class);

    private final JdbcTemplate jdbc;
    private final NewTransactions writes;

    public JdbcChainMsaStore(JdbcTemplate jdbc, NewTransactions writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public Optional<MergedMsa> find(String key) {
        List<Optional<MergedMsa>> rows = jdbc.query("SELECT * FROM fb_chain_msa WHERE merge_key = ?", (rs, i) -> {
            String unpaired = CompressedText.unpack(rs.getBytes("unpaired_zstd"), rs.getLong("unpaired_bytes"),
                    rs.getString("unpaired_sha256"));
            byte[] pairedZstd = rs.getBytes("paired_zstd");
            if (pairedZstd == null) {
                return Optional.ofNullable(unpaired).map(u -> new MergedMsa(u, null));
            }
            String paired = CompressedText.unpack(pairedZstd, rs.getLong("paired_bytes"),
                    rs.getString("paired_sha256"));
            return unpaired == null || paired == null ? Optional.empty() : Optional.of(new MergedMsa(unpaired, paired));
        }, key);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (rows.get(0).isEmpty()) {
            log.warn("merged MSA {} failed its checksum; deleting it and merging the cached searches again", key);
            writes.run(() -> jdbc.update("DELETE FROM fb_chain_msa WHERE merge_key = ?", key));
        }
        return rows.get(0);
    }

    /** Stores a chain's MSAs; a concurrent writer of the same key wins silently, since both merged the same. */
    @Override
    public void save(String key, MoleculeType type, String sequence, MergedMsa msa) {
        CompressedText unpaired = CompressedText.pack(msa.unpairedA3m());
        CompressedText paired = msa.pairedA3m() == null ? null : CompressedText.pack(msa.pairedA3m());
        try {
            writes.run(() -> jdbc.update(SqlStatements.get("chain_msa_insert"), key, type.name(),
                    Hashing.sha256(sequence), unpaired.zstd(), unpaired.sha256(), unpaired.bytes(),
                    new SqlParameterValue(Types.VARBINARY, paired == null ? null : paired.zstd()),
                    new SqlParameterValue(Types.VARCHAR, paired == null ? null : paired.sha256()),
                    new SqlParameterValue(Types.BIGINT, paired == null ? null : paired.bytes()),
                    Timestamp.from(Instant.now())));
        } catch (DuplicateKeyException alreadyStored) {
            log.debug("merged MSA {} was stored by another process or an earlier attempt first", key);
        }
    }
}
