-- Who created each account and who last made it an admin, so that four-eyes approval can refuse an approver the
-- requester made; accounts created before this migration have no known creator (NULL).
ALTER TABLE user_account ADD COLUMN created_by VARCHAR(100);
ALTER TABLE user_account ADD COLUMN admin_granted_by VARCHAR(100);
ALTER TABLE user_account ADD COLUMN admin_granted_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE upgrade_request ADD COLUMN withdrawn_by VARCHAR(100);
ALTER TABLE upgrade_request ADD COLUMN withdrawn_at TIMESTAMP(6) WITH TIME ZONE;
