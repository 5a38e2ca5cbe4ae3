/**
 * Backups of the stack: scheduled backup sets of MongoDB and the storage folder, retention with the meaning of
 * {@code restic forget}, verification, restore drills and restores, and the history managers read.
 */
package io.stackkeeper.backup;
