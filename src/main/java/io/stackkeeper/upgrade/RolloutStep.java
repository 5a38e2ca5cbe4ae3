package io.stackkeeper.upgrade;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.time.Instant;

/** One step of an upgrade's run as history and the page show it. */
@Embeddable
public record RolloutStep(@Column(name = "title") String title, @Column(name = "state") @Enumerated(EnumType.STRING) State state,
        @Column(name = "started_at") Instant startedAt, @Column(name = "finished_at") Instant finishedAt,
        @Column(name = "message") String message) {

    public enum State { PENDING, RUNNING, DONE, SKIPPED, FAILED }

    static RolloutStep pending(String title) {
        return new RolloutStep(title, State.PENDING, null, null, null);
    }

    RolloutStep running(Instant now, String progress) {
        return new RolloutStep(title, State.RUNNING, startedAt == null ? now : startedAt, null, progress);
    }

    RolloutStep ended(State end, Instant now, String result) {
        return new RolloutStep(title, end, startedAt == null ? now : startedAt, now, result == null ? null : clip(result));
    }

    RolloutStep skipped(String why) {
        return new RolloutStep(title, State.SKIPPED, null, null, why);
    }

    /** How long the step took, or null while it has not ended. */
    public Duration took() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    private static String clip(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
