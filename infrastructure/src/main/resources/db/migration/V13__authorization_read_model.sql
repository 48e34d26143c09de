-- Issue 12: the authorization read model, projected in the events' own transaction: per account its
-- capabilities, its memberships with their roles, and its staff roles.
ALTER TABLE account_view ADD COLUMN seller BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE business_view (
    business_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    handle      VARCHAR(40)  NOT NULL,
    name        VARCHAR(400) NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE membership_view (
    business_id VARCHAR(64) NOT NULL,
    account_ref VARCHAR(64) NOT NULL,
    role        VARCHAR(16) NOT NULL,
    joined_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (business_id, account_ref)
);
CREATE INDEX membership_view_by_account ON membership_view (account_ref);

CREATE TABLE staff_grant_view (
    account_ref VARCHAR(64) NOT NULL,
    role        VARCHAR(16) NOT NULL,
    granted_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_ref, role)
);
