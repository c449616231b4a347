INSERT INTO fb_chain_msa (
    merge_key, molecule_type, sequence_sha256, unpaired_zstd, unpaired_sha256, unpaired_bytes,
    paired_zstd, paired_sha256, paired_bytes, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
