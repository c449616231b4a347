-- Which worker process runs each remote partition, with a heartbeat: the manager uses it to fail the partition of a
-- worker that died (its process is gone, or its heartbeat stopped), so a restart reruns it on another worker.
CREATE TABLE fb_partition_worker (
    step_execution_id  BIGINT        NOT NULL PRIMARY KEY,
    job_execution_id   BIGINT        NOT NULL,
    step_name          VARCHAR(256)  NOT NULL,
    host               VARCHAR(256)  NOT NULL,
    pid                BIGINT        NOT NULL,
    started_at         TIMESTAMP     NOT NULL,
    heartbeat_at       TIMESTAMP     NOT NULL,
    finished_at        TIMESTAMP
);
CREATE INDEX fb_partition_worker_job_idx ON fb_partition_worker (job_execution_id);
