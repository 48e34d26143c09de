-- Mail waiting for SMTP. Written in the command's transaction, deleted once delivered; the only
-- place a raw one-time token ever rests, and only until delivery.
CREATE TABLE mail_outbox (
    id              BIGSERIAL    NOT NULL PRIMARY KEY,
    recipient       VARCHAR(254) NOT NULL,
    subject         TEXT         NOT NULL,
    text_body       TEXT         NOT NULL,
    html_body       TEXT         NOT NULL,
    preview_link    TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    attempts        INTEGER      NOT NULL,
    last_error      TEXT
);

CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);
