-- Each shard's output of a sharded database searched in shard-group partitions (foldbatch.search.shard-groups):
-- the converted A3M and the raw --tblout the AlphaFold 3 merge orders hits by. Keyed by the whole search's
-- fb_msa_cache key and the shard index; once every shard of a search is here, the merged result goes to
-- fb_msa_cache. Compressed and checked by SHA-256 like the MSA cache.
CREATE TABLE fb_shard_result (
    cache_key         VARCHAR(64)   NOT NULL,
    shard_index       INTEGER       NOT NULL,
    a3m_zstd          BYTEA         NOT NULL,
    a3m_sha256        VARCHAR(64)   NOT NULL,
    a3m_bytes         BIGINT        NOT NULL,
    tblout_zstd       BYTEA         NOT NULL,
    tblout_sha256     VARCHAR(64)   NOT NULL,
    tblout_bytes      BIGINT        NOT NULL,
    hits              INTEGER       NOT NULL,
    cpu_seconds       DOUBLE PRECISION NOT NULL,
    created_at        TIMESTAMP     NOT NULL,
    PRIMARY KEY (cache_key, shard_index)
);
