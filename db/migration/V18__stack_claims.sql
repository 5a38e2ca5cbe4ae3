-- Work on the stack (backups, drills, restores, upgrades) claimed in the database, so that two portals on one database
-- never run exclusive work side by side. Claimers take turns on the row 'stack-claims' of portal_turn; the audit
-- trail's appenders on the row 'audit-chain'.
CREATE TABLE stack_claim (
    id              VARCHAR(36)  PRIMARY KEY,
    work            VARCHAR(500) NOT NULL,
    exclusive_work  BOOLEAN      NOT NULL,
    portal_instance VARCHAR(200) NOT NULL,
    since           TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE portal_turn (
    name VARCHAR(50) PRIMARY KEY
);

INSERT INTO portal_turn (name) VALUES ('stack-claims');
INSERT INTO portal_turn (name) VALUES ('audit-chain');

-- The portal that runs a restore or an upgrade: a portal that starts marks as interrupted only its own earlier ones
-- and those of portals that stopped checking in, never the work another portal is doing.
ALTER TABLE restore_run ADD COLUMN portal_instance VARCHAR(200);
ALTER TABLE upgrade_request ADD COLUMN portal_instance VARCHAR(200);
