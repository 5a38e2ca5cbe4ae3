-- Folders an admin allowed backup targets under, beside the configured ones (STACKKEEPER_BACKUP_ALLOWED_ROOTS).
CREATE TABLE backup_target_root (
    path      VARCHAR(1000) NOT NULL PRIMARY KEY,
    added_by  VARCHAR(100)  NOT NULL,
    added_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
