INSERT INTO fb_conformer_cache (component_key, seed, atom_count, coordinates, checksum, created_at) VALUES (?, ?, ?, ?, ?, ?)
