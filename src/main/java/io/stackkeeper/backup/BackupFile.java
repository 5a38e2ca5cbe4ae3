package io.stackkeeper.backup;

/** A file of a backup set, as the manifest lists it: path relative to the set's folder, size and SHA-256. */
public record BackupFile(String path, long size, String sha256) {
}
