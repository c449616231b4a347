-- The workers of a fleet: each live `foldbatch worker` says which stages it takes, the largest token bucket it infers
-- (0: no limit) and beats while it runs. The manager routes an inference partition to the smallest live worker class
-- that fits its bucket, and fails it (or waits) when none does.
CREATE TABLE fb_worker (
    worker_id     VARCHAR(300)  NOT NULL PRIMARY KEY,
    host          VARCHAR(256)  NOT NULL,
    pid           BIGINT        NOT NULL,
    stages        VARCHAR(100)  NOT NULL,
    max_tokens    INT           NOT NULL,
    started_at    TIMESTAMP     NOT NULL,
    heartbeat_at  TIMESTAMP     NOT NULL,
    stopped_at    TIMESTAMP
);

-- Partitions the manager holds back (not yet sent to any queue) and why: no live worker can take them yet.
CREATE TABLE fb_partition_wait (
    step_execution_id  BIGINT         NOT NULL PRIMARY KEY,
    job_execution_id   BIGINT         NOT NULL,
    step_name          VARCHAR(256)   NOT NULL,
    reason             VARCHAR(1000)  NOT NULL,
    since              TIMESTAMP      NOT NULL
);
