-- Command-side lookups, written by subscribing handlers in the same transaction as the events.

-- Email uniqueness across accounts: the UNIQUE constraint decides racing signups.
CREATE TABLE account_lookup (
    account_ref      VARCHAR(64)  NOT NULL PRIMARY KEY,
    email_normalized VARCHAR(254) NOT NULL,
    password_hash    VARCHAR(255) NOT NULL,
    state            VARCHAR(32)  NOT NULL,
    email_verified   BOOLEAN      NOT NULL,
    CONSTRAINT account_lookup_email_unique UNIQUE (email_normalized)
);

-- Which account a verification token (by SHA-256 hash) belongs to; its state lives in the aggregate.
CREATE TABLE verification_token_lookup (
    token_hash  CHAR(64)    NOT NULL PRIMARY KEY,
    account_ref VARCHAR(64) NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    next_path   VARCHAR(2048) NOT NULL
);
