-- Issue 12: what the command side must confirm under lock when a business or staff session starts,
-- and find when a membership, a grant or a business ends: written with the events, same transaction.

CREATE TABLE business_member_lookup (
    business_id VARCHAR(64) NOT NULL,
    account_ref VARCHAR(64) NOT NULL,
    role        VARCHAR(16) NOT NULL,
    PRIMARY KEY (business_id, account_ref)
);

ALTER TABLE business_handle_lookup ADD COLUMN suspended BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE staff_grant_lookup (
    account_ref VARCHAR(64) NOT NULL,
    role        VARCHAR(16) NOT NULL,
    PRIMARY KEY (account_ref, role)
);

-- The context of each session, so the sessions that depended on a membership or grant can be found.
ALTER TABLE session_lookup ADD COLUMN context VARCHAR(16) NOT NULL DEFAULT 'customer';
ALTER TABLE session_lookup ADD COLUMN business_id VARCHAR(64);
ALTER TABLE session_lookup ALTER COLUMN context DROP DEFAULT;
CREATE INDEX session_lookup_live_by_business ON session_lookup (business_id, account_ref) WHERE NOT revoked AND business_id IS NOT NULL;
