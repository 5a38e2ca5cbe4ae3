-- The portal instance (Quartz's cluster instance id) that runs a backup: with two portals on one database, a start
-- or a new run only takes over the runs of an instance that stopped checking in.
ALTER TABLE backup_run ADD COLUMN portal_instance VARCHAR(200);
