-- Checkpoint table of template searches: the kept templates of one query sequence against one PDB (seqres +
-- mmCIF directory), keyed by sequence, profile MSA, database fingerprint, max template date and settings.
-- The templates are zstd-compressed JSON (mmCIF text plus query/template indices), checked by SHA-256.
CREATE TABLE fb_template_cache (
    cache_key             VARCHAR(64)   NOT NULL PRIMARY KEY,
    sequence_sha256       VARCHAR(64)   NOT NULL,
    templates_zstd        BYTEA         NOT NULL,
    templates_sha256      VARCHAR(64)   NOT NULL,
    templates_bytes       BIGINT        NOT NULL,
    template_count        INTEGER       NOT NULL,
    hits_found            INTEGER       NOT NULL,
    cpu_seconds           DOUBLE PRECISION NOT NULL,
    wall_seconds          DOUBLE PRECISION NOT NULL,
    created_at            TIMESTAMP     NOT NULL
);
