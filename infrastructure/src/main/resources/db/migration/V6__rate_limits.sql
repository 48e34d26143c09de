-- Bucket4j token buckets, shared by every instance. Ids are "<limit>:<sha-256 of the key>", so no
-- email address or IP is stored in the clear.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(128) NOT NULL PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX rate_limit_bucket_expiry ON rate_limit_bucket (expires_at);
