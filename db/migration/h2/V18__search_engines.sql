-- MMseqs2 as an opt-in gene-search engine (issue 18): a campaign may choose the engine of its protein searches
-- (null: the settings' engines), and the report shows which engine produced each stored MSA and what it cost.
ALTER TABLE fb_campaign_definition ADD COLUMN search_engine VARCHAR(32);

-- One row per stored single-database search: the engine (jackhmmer, nhmmer or mmseqs2) is fb_msa_cache.tool.
CREATE VIEW fb_report_msa_search AS
SELECT cache_key, sequence_sha256, molecule_type, tool AS engine, database_name, hits, rows_kept, cpu_seconds,
       wall_seconds, created_at
FROM fb_msa_cache;
