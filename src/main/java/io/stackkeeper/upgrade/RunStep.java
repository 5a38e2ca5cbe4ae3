package io.stackkeeper.upgrade;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Duration;
import java.time.Instant;

/** One step of an upgrade's run as history and the page show it. */
@Embeddable
public record RunStep(@Column(name = "title") String title, @Column(name = "state") @Enumerated(EnumType.STRING) State state,
        @Column(name = "started_at") Instant startedAt, @Column(name = "finished_at") Instant finishedAt,
        @Column(name = "message") String message) {

    public enum State { PENDING, RUNNING, DONE, SKIPPED, FAILED }

    static RunStep pending(String title) {
        return new RunStep(title, State.PENDING, null, null, null);
    }

    RunStep running(Instant now, String progress) {
        return new RunStep(title, State.RUNNING, startedAt == null ? now : startedAt, null, progress);
    }

    RunStep ended(State end, Instant now, String result) {
        return new RunStep(title, end, startedAt == null ? now : startedAt, now, result == null ? null : clip(result));
    }

    RunStep skipped(String why) {
        return new RunStep(title, State.SKIPPED, null, null, why);
    }

    /** How long the step took, or null while it has not ended. */
    public Duration took() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    private static String clip(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
