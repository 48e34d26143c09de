-- Issue 12: command-side lookups of businesses, written in the same transaction as their events.

-- Handle uniqueness across businesses, case-insensitively: the UNIQUE constraint decides racing creations.
CREATE TABLE business_handle_lookup (
    handle_normalized VARCHAR(40) NOT NULL PRIMARY KEY,
    business_id       VARCHAR(64) NOT NULL UNIQUE
);

-- Which business an invitation token (by SHA-256 hash) belongs to; its state lives in the aggregate.
CREATE TABLE business_invitation_lookup (
    token_hash  CHAR(64)    NOT NULL PRIMARY KEY,
    business_id VARCHAR(64) NOT NULL
);
