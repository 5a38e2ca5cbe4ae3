package io.stackkeeper.backup;

import java.time.Instant;
import java.util.List;

/** What a retention policy does to a list of sets: each kept set with why, each removed one. Newest first. */
public record RetentionDecision(List<Kept> keep, List<Removed> remove) {

    /** A set that stays, with every rule that keeps it ({@code last}, {@code hourly}, {@code daily}, {@code weekly}, {@code monthly}, {@code yearly}). */
    public record Kept(Instant time, List<String> reasons) {
    }

    /** A set that would go. */
    public record Removed(Instant time) {
    }
}
