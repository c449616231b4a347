INSERT INTO fb_fold_input (input_hash, name, source_path, input_json, created_at) VALUES (?, ?, ?, ?, ?)
