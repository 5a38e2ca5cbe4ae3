package io.stackkeeper.logs;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Log lines that tell of a crash: a segmentation fault, the kernel's OOM killer, an out-of-memory error. */
final class CrashPatterns {

    /** Longer lines are looked at only up to here: a crash message comes first. */
    private static final int LOOKED_AT = 2_000;

    private record Rule(Pattern pattern, IncidentKind kind, String summary) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("segmentation fault|\\bsegfault\\b|\\bSIGSEGV\\b", Pattern.CASE_INSENSITIVE), IncidentKind.SEGFAULT,
                    "a segmentation fault in the log"),
            new Rule(Pattern.compile("\\bKilled process \\d+|\\bOut of memory: Kill|\\boom-kill(er)?\\b"), IncidentKind.OUT_OF_MEMORY,
                    "the kernel's OOM killer in the log"),
            new Rule(Pattern.compile("java\\.lang\\.OutOfMemoryError|JavaScript heap out of memory|\\bCannot allocate memory\\b|\\bMemoryError\\b"),
                    IncidentKind.OUT_OF_MEMORY, "an out-of-memory error in the log"));

    private CrashPatterns() {
    }

    static Optional<CrashVerdict> match(String line) {
        String head = line.length() > LOOKED_AT ? line.substring(0, LOOKED_AT) : line;
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(head).find()) {
                return Optional.of(new CrashVerdict(rule.kind(), rule.summary()));
            }
        }
        return Optional.empty();
    }
}
