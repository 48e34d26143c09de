-- The latest rebuild of each projection, written by the instance running it (every batch) so that
-- any instance can answer GET /v1/admin/projections. One row per projection: history of earlier
-- rebuilds is in the log lines, the ledger holds the facts they were built from.
CREATE TABLE projection_rebuild (
    name              text        PRIMARY KEY,
    state             text        NOT NULL CHECK (state IN ('running', 'verifying', 'swapped', 'failed')),
    processed         bigint      NOT NULL DEFAULT 0,
    total             bigint      NOT NULL DEFAULT 0,
    events_per_second double precision NOT NULL DEFAULT 0,
    started_at        timestamptz NOT NULL,
    finished_at       timestamptz,
    live_checksum     text,
    rebuilt_checksum  text,
    reason            text,
    forced            boolean     NOT NULL DEFAULT false
);
