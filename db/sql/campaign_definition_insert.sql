INSERT INTO fb_campaign_definition (plan_hash, campaign_name, mode, stages, source_path, max_tokens, over_limit, route_to,
    created_at, search_engine)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
