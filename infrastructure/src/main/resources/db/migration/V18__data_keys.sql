-- One data key per data subject (an account, or an invitation to someone who may have none): the
-- AES-256 key that seals that subject's personal and credential fields in events, itself sealed by
-- the key-encryption key. Erasure sets sealed_key to NULL in the erasure event's transaction: the
-- row stays so every reader knows the subject is erased (and no later write creates a new key).
CREATE TABLE data_key (
    subject    VARCHAR(64) NOT NULL PRIMARY KEY,
    sealed_key BYTEA,
    created_at TIMESTAMPTZ NOT NULL,
    erased_at  TIMESTAMPTZ,
    -- An invitation's key is destroyed with the account that accepted it (the address was theirs).
    erase_with VARCHAR(64),
    CONSTRAINT data_key_erased_has_no_key CHECK ((sealed_key IS NULL) = (erased_at IS NOT NULL))
);

CREATE INDEX data_key_erase_with ON data_key (erase_with) WHERE erase_with IS NOT NULL;
