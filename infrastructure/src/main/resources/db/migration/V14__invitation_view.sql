-- Issue 12: a business team's invitations, for its members to see (open ones) and withdraw.
CREATE TABLE invitation_view (
    invitation_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    business_id   VARCHAR(64)  NOT NULL,
    email         VARCHAR(254) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    issued_at     TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX invitation_view_open ON invitation_view (business_id, issued_at) WHERE state = 'open';
