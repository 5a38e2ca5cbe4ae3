package io.stackkeeper.backup;

import io.stackkeeper.base.TextLimits;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A backup plan as people edit it.
 *
 * @param cron Quartz cron expression, evaluated in UTC
 * @param target absolute folder the sets are written into, one sub-folder per set
 * @param compressionLevel 1 (fastest) to 9 (smallest); gzip for the dump, zstd for the storage archive
 * @param verifyCron optional Quartz cron for verifying the newest set; {@code null} for none
 */
public record BackupPlanSettings(String name, String cron, String target, Contents contents, boolean includeSystemDatabases,
        int compressionLevel, RetentionPolicy retention, String verifyCron, boolean enabled) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** The plan created when a stack is configured and none exists: nightly, everything, a week, a month, half a year. */
    static BackupPlanSettings nightly(Path target) {
        return new BackupPlanSettings("nightly", "0 0 2 * * ?", target.toString(), Contents.BOTH, false, 3, RetentionPolicy.standard(),
                null, true);
    }

    /**
     * What is wrong with these settings, per field; empty when they can be saved.
     *
     * @param storageFolder the stack's storage folder, which must not hold the target; {@code null} when unknown
     */
    Map<String, String> problems(Path storageFolder) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.put("name", "Use 1 to 40 lower-case letters, digits and dashes, starting with a letter or digit (e.g. 'nightly').");
        }
        cronProblem(cron, enabled).ifPresent(problem -> problems.put("cron", problem));
        if (verifyCron != null && !verifyCron.isBlank()) {
            cronProblem(verifyCron, enabled).ifPresent(problem -> problems.put("verifyCron", problem));
        }
        targetProblem(storageFolder).ifPresent(problem -> problems.put("target", problem));
        if (contents == null) {
            problems.put("contents", "Choose what to back up.");
        }
        if (compressionLevel < 1 || compressionLevel > 9) {
            problems.put("compressionLevel", "Use a level from 1 (fastest) to 9 (smallest).");
        }
        if (retention == null) {
            problems.put("retention", "Set at least one keep rule.");
        }
        TextLimits.check(problems, "name", name, 40);
        TextLimits.check(problems, "cron", cron, 120);
        TextLimits.check(problems, "verifyCron", verifyCron, 120);
        TextLimits.check(problems, "target", target, 1000);
        return problems;
    }

    /** A malformed expression; for an enabled plan also one that never fires again. */
    private static java.util.Optional<String> cronProblem(String expression, boolean enabled) {
        try {
            if (new CronSchedule(expression).nextRuns(java.time.Instant.now(), 1).isEmpty() && enabled) {
                return java.util.Optional.of("This schedule never fires again.");
            }
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    private java.util.Optional<String> targetProblem(Path storageFolder) {
        if (target == null || target.isBlank()) {
            return java.util.Optional.of("Set the folder the backup sets go to.");
        }
        Path path;
        try {
            path = Path.of(target.strip());
        } catch (InvalidPathException e) {
            return java.util.Optional.of("Not a valid path: " + e.getReason() + ".");
        }
        if (!path.isAbsolute()) {
            return java.util.Optional.of("Use an absolute path, such as /var/backups/stack.");
        }
        Path normalized = path.normalize();
        if (storageFolder != null && normalized.startsWith(storageFolder.toAbsolutePath().normalize())) {
            return java.util.Optional.of("The target is inside the storage folder " + storageFolder + ": the backups would back up themselves.");
        }
        Path existing = normalized;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            return java.util.Optional.of("The portal cannot write to " + (existing == null ? normalized : existing) + ".");
        }
        return java.util.Optional.empty();
    }

    Path targetPath() {
        return Path.of(target.strip()).normalize();
    }
}
