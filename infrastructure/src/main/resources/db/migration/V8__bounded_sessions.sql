-- Bounds on what one account's sessions can occupy (issue 9, findings 4 and 7).
-- The command side's session list learns when each session started and expires, so the session
-- limit can end the oldest live sessions and the purge can drop ended ones.
ALTER TABLE session_lookup ADD COLUMN started_at TIMESTAMPTZ;
ALTER TABLE session_lookup ADD COLUMN expires_at TIMESTAMPTZ;
UPDATE session_lookup l SET started_at = v.started_at, expires_at = v.expires_at
  FROM session_view v WHERE v.session_id = l.session_id;
UPDATE session_lookup SET started_at = now(), expires_at = now() WHERE started_at IS NULL;
ALTER TABLE session_lookup ALTER COLUMN started_at SET NOT NULL;
ALTER TABLE session_lookup ALTER COLUMN expires_at SET NOT NULL;

-- The session list pages newest first by (started_at, session_id) within one account.
CREATE INDEX session_view_account_started ON session_view (account_ref, started_at DESC, session_id DESC)
  WHERE revoked_at IS NULL;
-- The purge finds ended rows without scanning the live ones.
CREATE INDEX session_view_expires ON session_view (expires_at);
CREATE INDEX session_view_revoked ON session_view (revoked_at) WHERE revoked_at IS NOT NULL;
CREATE INDEX refresh_token_lookup_session ON refresh_token_lookup (session_id);
