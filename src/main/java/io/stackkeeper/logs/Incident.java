package io.stackkeeper.logs;

import jakarta.persistence.Column;
import io.stackkeeper.base.LongText;
import org.hibernate.annotations.JdbcType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A crash incident as stored; {@link #lastLines} joined by newlines. */
@Entity
@Table(name = "log_incident")
class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String part;

    @Column(name = "container_name")
    String containerName;

    @Enumerated(EnumType.STRING)
    IncidentKind kind;

    String summary;

    @Column(name = "exit_code")
    Integer exitCode;

    @Column(name = "happened_at")
    Instant happenedAt;

    @Column(name = "last_at")
    Instant lastAt;

    int occurrences;

    @Column(name = "during_work")
    String duringWork;

    @JdbcType(LongText.class)
    @Column(name = "last_lines")
    String lastLines;

    List<String> lines() {
        return lastLines == null || lastLines.isEmpty() ? List.of() : List.of(lastLines.split("\n", -1));
    }

    IncidentView view(boolean withLines) {
        return new IncidentView(id, part, containerName, kind, summary, exitCode, happenedAt, lastAt, occurrences, duringWork,
                withLines ? lines() : List.of());
    }

    LogEvents.IncidentOpened opened() {
        return new LogEvents.IncidentOpened(id, part, containerName, kind, summary, exitCode, lastAt, duringWork, lines());
    }
}
