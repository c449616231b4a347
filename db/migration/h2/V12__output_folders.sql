-- Which fold owns each job folder. A fold is its input, stages and output-affecting settings (job_key); a folder
-- is claimed by one fold only, so two inputs with the same name never write into one folder (the second gets
-- AlphaFold 3's <name>_<YYYYMMDD_HHMMSS>), and a relaunch finds its own folder again. holder names the process
-- writing into the folder now ("host pid start-millis"), so two launches of one fold at once do not both write.
CREATE TABLE fb_output_folder (
    folder_sha256  VARCHAR(64)    NOT NULL PRIMARY KEY,
    folder         VARCHAR(4096)  NOT NULL,
    output_dir     VARCHAR(4096)  NOT NULL,
    job_key        VARCHAR(64)    NOT NULL,
    holder         VARCHAR(512),
    claimed_at     TIMESTAMP      NOT NULL
);
CREATE INDEX fb_output_folder_job_idx ON fb_output_folder (job_key);
