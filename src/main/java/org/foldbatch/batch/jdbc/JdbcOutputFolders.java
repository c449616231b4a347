package org.foldbatch.batch.jdbc;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.foldbatch.util.Hashing;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims of job folders by folds ({@code fb_output_folder}). Claiming is an insert on the folder's key, so two
 * processes sharing the database never claim one folder; holding is a conditional update, so only one process writes
 * into a folder at a time.
 */
public final class JdbcOutputFolders {

    private final JdbcTemplate jdbc;

    public JdbcOutputFolders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The folder this fold claimed under {@code outputDir} before, if any. */
    public Optional<Path> claimedBy(String jobKey, Path outputDir) {
        List<String> rows = jdbc.queryForList("SELECT folder FROM fb_output_folder WHERE job_key = ? AND output_dir = ?",
                String.class, jobKey, key(outputDir));
        return rows.stream().findFirst().map(Path::of);
    }

    public boolean isClaimed(Path folder) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM fb_output_folder WHERE folder_sha256 = ?", Integer.class,
                Hashing.sha256(key(folder)));
        return n != null && n > 0;
    }

    /** Claims {@code folder} for the fold; false when another process claimed it first. */
    public boolean claim(Path folder, Path outputDir, String jobKey) {
        try {
            jdbc.update(SqlStatements.get("output_folder_claim"), Hashing.sha256(key(folder)), key(folder),
                    key(outputDir), jobKey, Timestamp.from(Instant.now()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Takes the folder for writing when nobody (or {@code previous}, a holder known to be gone) holds it. */
    public boolean hold(Path folder, String holder, String previous) {
        String sha = Hashing.sha256(key(folder));
        int n = previous == null
                ? jdbc.update("UPDATE fb_output_folder SET holder = ? WHERE folder_sha256 = ? AND holder IS NULL",
                        holder, sha)
                : jdbc.update("UPDATE fb_output_folder SET holder = ? WHERE folder_sha256 = ? AND holder = ?",
                        holder, sha, previous);
        return n == 1;
    }

    public Optional<String> holder(Path folder) {
        return jdbc.queryForList("SELECT holder FROM fb_output_folder WHERE folder_sha256 = ?", String.class,
                Hashing.sha256(key(folder))).stream().filter(h -> h != null).findFirst();
    }

    public void release(Path folder, String holder) {
        jdbc.update("UPDATE fb_output_folder SET holder = NULL WHERE folder_sha256 = ? AND holder = ?",
                Hashing.sha256(key(folder)), holder);
    }

    private static String key(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
