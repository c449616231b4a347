-- Each chain's merged MSAs (unpaired, and paired for protein), stored by the gene search so the template search and
-- the _data.json step read them instead of merging the single-database results again. The key is the SHA-256 of
-- the fb_msa_cache keys merged, so any change to a search result gives a new row. Compressed and checked by SHA-256
-- like the MSA cache; a damaged row is dropped and rebuilt from fb_msa_cache.
CREATE TABLE fb_chain_msa (
    merge_key         VARCHAR(64)   NOT NULL PRIMARY KEY,
    molecule_type     VARCHAR(16)   NOT NULL,
    sequence_sha256   VARCHAR(64)   NOT NULL,
    unpaired_zstd     BLOB          NOT NULL,
    unpaired_sha256   VARCHAR(64)   NOT NULL,
    unpaired_bytes    BIGINT        NOT NULL,
    paired_zstd       BLOB,
    paired_sha256     VARCHAR(64),
    paired_bytes      BIGINT,
    created_at        TIMESTAMP     NOT NULL
);
