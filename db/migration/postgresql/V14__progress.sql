-- Where long work is, for `foldbatch status` and the dashboard from another process or machine: one row per step
-- execution (a partition), replaced as it advances (written at most every few seconds, outside the step's
-- transaction so other processes see it while the step runs).
CREATE TABLE fb_progress (
    step_execution_id  BIGINT         NOT NULL PRIMARY KEY,
    job_execution_id   BIGINT         NOT NULL,
    step_name          VARCHAR(256)   NOT NULL,
    phase              VARCHAR(64)    NOT NULL,
    done               INTEGER        NOT NULL,
    total              INTEGER        NOT NULL,
    detail             VARCHAR(1024)  NOT NULL,
    started_at         TIMESTAMP      NOT NULL,
    updated_at         TIMESTAMP      NOT NULL
);
CREATE INDEX fb_progress_job_idx ON fb_progress (job_execution_id);
