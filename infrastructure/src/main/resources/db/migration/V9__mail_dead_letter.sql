-- Mail that could not be delivered within identity.mail.max-attempts. It moves here so the outbox
-- stays bounded and retries end; the bodies are not kept (they may hold raw one-time tokens), only
-- what an operator needs to see what failed and for whom.
CREATE TABLE mail_dead_letter (
    id               BIGINT       NOT NULL PRIMARY KEY,
    recipient        VARCHAR(254) NOT NULL,
    subject          TEXT         NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    attempts         INTEGER      NOT NULL,
    last_error       TEXT,
    dead_lettered_at TIMESTAMPTZ  NOT NULL
);
