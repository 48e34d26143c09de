-- The business pages live at /business/{handle}/: every page request finds its business by handle.
-- Not unique here: the command side's handle lookup is what keeps handles unique; a read model
-- only mirrors the events.
CREATE INDEX business_view_handle ON business_view (handle);
