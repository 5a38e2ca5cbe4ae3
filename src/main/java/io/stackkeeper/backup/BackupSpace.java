package io.stackkeeper.backup;

/**
 * Room for the next full backup: free bytes in the target of the plan that backs up everything, and the size of that
 * plan's last set; {@code freeBytes} is negative and {@code lastSetBytes} 0 when unknown.
 */
public record BackupSpace(String plan, long freeBytes, long lastSetBytes) {
}
