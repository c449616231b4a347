package org.foldbatch.batch.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inputs stored by content hash at launch, so every step (and every remote worker) reads the exact input the job
 * was launched with, whatever happens to the file afterwards.
 */
public final class JdbcFoldInputStore {

    public record StoredInput(String inputHash, String name, String sourcePath, String json) {
    }

    private final JdbcTemplate jdbc;

    public JdbcFoldInputStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(StoredInput input) {
        try {
            jdbc.update(SqlStatements.get("fold_input_insert"), input.inputHash(), input.name(), input.sourcePath(),
                    input.json(), Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException sameContentAlreadyStored) {
            // The hash is the content: the stored row is already this input.
        }
    }

    public Optional<StoredInput> find(String inputHash) {
        List<StoredInput> rows = jdbc.query(
                "SELECT input_hash, name, source_path, input_json FROM fb_fold_input WHERE input_hash = ?",
                (rs, i) -> new StoredInput(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                inputHash);
        return rows.stream().findFirst();
    }
}
