UPDATE fb_progress
SET phase = ?, done = ?, total = ?, detail = ?, updated_at = ?
WHERE step_execution_id = ?
