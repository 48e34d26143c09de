-- The hash chain over the event table (docs/API.md, "Hash chain"): one row per sealed event, in
-- ascending position (the event's global_index). Written only by the sealer, after the event's
-- own transaction committed, so no write ever waits for it. Positions of rolled-back inserts never
-- appear: the chain links each sealed event to the one sealed before it.
CREATE TABLE ledger_chain (
    position       BIGINT       NOT NULL PRIMARY KEY,
    event_id       VARCHAR(255) NOT NULL,
    payload_sha256 CHAR(64)     NOT NULL,
    prev_hash      CHAR(64)     NOT NULL,
    hash           CHAR(64)     NOT NULL,
    sealed_at      TIMESTAMPTZ  NOT NULL
);

-- Signed checkpoints: an ES256 JWS over {position, hash, signed_at}, appended periodically.
CREATE TABLE ledger_checkpoint (
    position  BIGINT      NOT NULL PRIMARY KEY,
    hash      CHAR(64)    NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL,
    jws       TEXT        NOT NULL
);
