-- Issue 12: every session is bound to one context, chosen at sign-in. Sessions started before
-- contexts existed were customer sessions (as their upcast events say).
ALTER TABLE session_view ADD COLUMN context text NOT NULL DEFAULT 'customer';
ALTER TABLE session_view ADD COLUMN business_id text;
ALTER TABLE session_view ALTER COLUMN context DROP DEFAULT;
-- A suspended business or a removed member ends the business sessions that depended on it.
CREATE INDEX session_view_business ON session_view (business_id, account_ref) WHERE business_id IS NOT NULL;
