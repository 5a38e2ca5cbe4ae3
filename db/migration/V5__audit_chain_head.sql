-- Where the audit chain ends, written in the same transaction as each entry, so that removing the newest entries
-- is detected too (the chain alone cannot tell a shortened tail from an untouched one).
CREATE TABLE audit_chain_head (
    id        BIGINT      NOT NULL PRIMARY KEY,
    last_id   BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
