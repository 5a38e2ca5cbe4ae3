-- Append-only: the application never updates or deletes rows; the hash chain shows it if anybody else does.
CREATE TABLE audit_entry (
    id             BIGINT        NOT NULL PRIMARY KEY,
    occurred_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor          VARCHAR(100)  NOT NULL,
    action         VARCHAR(100)  NOT NULL,
    target         VARCHAR(255),
    outcome        VARCHAR(20)   NOT NULL,
    details        VARCHAR(8000) NOT NULL,
    client_address VARCHAR(64),
    previous_hash  VARCHAR(64)   NOT NULL,
    hash           VARCHAR(64)   NOT NULL
);

CREATE INDEX ix_audit_occurred_at ON audit_entry (occurred_at);
CREATE INDEX ix_audit_actor ON audit_entry (actor, id);
CREATE INDEX ix_audit_action ON audit_entry (action, id);
CREATE INDEX ix_audit_outcome ON audit_entry (outcome, id);
