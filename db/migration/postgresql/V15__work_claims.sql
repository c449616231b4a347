-- Who is computing a cached result now (an MSA search or a template search, by its cache key), so that two jobs
-- in different processes wanting the same result at once compute it once: the first inserts the claim, the others
-- wait for the cache row. holder is the claimant's "host pid start-millis"; heartbeat_at is renewed while it works,
-- so a claim of a killed process (dead pid on this host, or a silent heartbeat elsewhere) is taken over.
CREATE TABLE fb_work_claim (
    claim_key     VARCHAR(64)                 NOT NULL PRIMARY KEY,
    holder        VARCHAR(512)                NOT NULL,
    claimed_at    TIMESTAMP WITH TIME ZONE    NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE    NOT NULL
);
