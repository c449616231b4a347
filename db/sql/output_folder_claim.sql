INSERT INTO fb_output_folder (folder_sha256, folder, output_dir, job_key, holder, claimed_at)
VALUES (?, ?, ?, ?, NULL, ?)
