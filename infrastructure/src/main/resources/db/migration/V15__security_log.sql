-- Issue 12: the security log. Not part of the event stream (no hash chain): failed logins, refused
-- permissions, rate-limit hits and audit reads, appended asynchronously and kept for
-- identity.audit.security-log-retention.
CREATE TABLE security_log (
    id          BIGSERIAL    PRIMARY KEY,
    at          TIMESTAMPTZ  NOT NULL,
    type        VARCHAR(32)  NOT NULL,
    account_ref VARCHAR(64),
    actor_ref   VARCHAR(64),
    ip          VARCHAR(64)  NOT NULL,
    detail      VARCHAR(500) NOT NULL
);
CREATE INDEX security_log_by_time ON security_log (at);
CREATE INDEX security_log_by_account ON security_log (account_ref, at) WHERE account_ref IS NOT NULL;
