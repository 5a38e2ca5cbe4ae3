package io.stackkeeper.backup;

/** Why a backup ran; {@link #label()} is how the manifest and the API spell it. */
public enum BackupReason {
    SCHEDULE("schedule"), MANUAL("manual"), API("api"), PRE_UPGRADE("pre-upgrade"), PRE_RESTORE("pre-restore"), IMPORT("import");

    private final String label;

    BackupReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
