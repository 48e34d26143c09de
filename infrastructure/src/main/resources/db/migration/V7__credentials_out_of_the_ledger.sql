-- Password hashes leave the event stream (issue 8, finding 6): an Argon2id PHC string is a credential
-- derivative that an auditor, an export or a backup of the ledger must never carry. It lives here,
-- command-side state written by the command handler in the command's own transaction, next to a
-- version that every sign-in binds its session to: a session may only start for the credential that
-- is current when it commits. Erasure deletes the row. Not a projection: it is not rebuilt from events.
CREATE TABLE account_credential (
    account_ref        VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash      VARCHAR(255) NOT NULL,
    credential_version BIGINT       NOT NULL,
    changed_at         TIMESTAMPTZ  NOT NULL
);

INSERT INTO account_credential (account_ref, password_hash, credential_version, changed_at)
SELECT account_ref, password_hash, 1, now() FROM account_lookup;

ALTER TABLE account_lookup DROP COLUMN password_hash;

-- A cookie resolves only a browser session's secret (finding 2): a native session's first refresh
-- token is not a cookie secret, so native rows carry none.
ALTER TABLE session_view ALTER COLUMN secret_hash DROP NOT NULL;
UPDATE session_view SET secret_hash = NULL WHERE transport <> 'browser';
