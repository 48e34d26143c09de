-- Security-critical read models, updated in the same transaction as the events.

CREATE TABLE account_view (
    account_ref    VARCHAR(64)  NOT NULL PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    display_name   VARCHAR(400),
    state          VARCHAR(32)  NOT NULL,
    email_verified BOOLEAN      NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

-- Found on every request by secret_hash (SHA-256 of the cookie or bearer session secret).
CREATE TABLE session_view (
    session_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret_hash          CHAR(64)     NOT NULL,
    account_ref          VARCHAR(64)  NOT NULL,
    transport            VARCHAR(16)  NOT NULL,
    device_name          VARCHAR(400),
    started_at           TIMESTAMPTZ  NOT NULL,
    expires_at           TIMESTAMPTZ  NOT NULL,
    idle_timeout_seconds BIGINT       NOT NULL,
    last_seen_at         TIMESTAMPTZ  NOT NULL,
    revoked_at           TIMESTAMPTZ,
    revocation_reason    VARCHAR(32),
    CONSTRAINT session_view_secret_hash_unique UNIQUE (secret_hash)
);

CREATE INDEX session_view_account ON session_view (account_ref) WHERE revoked_at IS NULL;
