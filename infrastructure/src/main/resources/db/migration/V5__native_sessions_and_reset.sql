-- Which account a password reset token (by SHA-256 hash) belongs to; its state lives in the aggregate.
CREATE TABLE password_reset_token_lookup (
    token_hash  CHAR(64)      NOT NULL PRIMARY KEY,
    account_ref VARCHAR(64)   NOT NULL,
    expires_at  TIMESTAMPTZ   NOT NULL,
    next_path   VARCHAR(2048) NOT NULL
);

-- The command side's list of sessions per account, so that a suspension, deactivation or password
-- change can revoke each Session aggregate in the same transaction.
CREATE TABLE session_lookup (
    session_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    account_ref VARCHAR(64) NOT NULL,
    transport   VARCHAR(16) NOT NULL,
    revoked     BOOLEAN     NOT NULL
);

CREATE INDEX session_lookup_live_by_account ON session_lookup (account_ref) WHERE NOT revoked;

-- Every refresh token hash ever issued, to its session: a spent one is recognised as reuse.
CREATE TABLE refresh_token_lookup (
    token_hash  CHAR(64)    NOT NULL PRIMARY KEY,
    session_id  VARCHAR(64) NOT NULL,
    account_ref VARCHAR(64) NOT NULL
);

-- Access-token signing keys. The private half is sealed with AES-GCM under a key-encryption key
-- that is not in the database (identity.jwt.key-encryption-key, or a file in the data directory).
CREATE TABLE signing_key (
    kid            VARCHAR(64) NOT NULL PRIMARY KEY,
    algorithm      VARCHAR(16) NOT NULL,
    public_jwk     TEXT        NOT NULL,
    sealed_private BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    retired_at     TIMESTAMPTZ
);
