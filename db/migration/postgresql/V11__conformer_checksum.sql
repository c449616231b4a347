-- Every conformer row carries a SHA-256 of its key, atom count and coordinate bytes (issue 12), so a zeroed or
-- truncated row is noticed, dropped and recomputed instead of changing features or failing every later run.
-- Rows stored before this version were made under a 20 s time limit and a process-wide fragment cache, so no
-- process can reproduce them (and their seeds were drawn per residue): they are dropped, not checksummed.
DELETE FROM fb_conformer_cache;
ALTER TABLE fb_conformer_cache ADD COLUMN checksum VARCHAR(64) NOT NULL;
