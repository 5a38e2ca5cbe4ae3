package io.stackkeeper.logs;

import io.stackkeeper.base.Transactions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Turns crashes into incidents. One crash is often seen twice (the segfault in the log, then the engine's exit code
 * 139): seen within {@link #SAME_CRASH} of each other, the two make one incident. A container that keeps dying within
 * {@link #FOLD} folds into its incident, which becomes a {@link IncidentKind#RESTART_LOOP} at the {@value #LOOP}rd
 * death (only deaths count: a crash line in the log merely joins its incident); only a new incident and that change
 * are told (audited, notified).
 */
@Component
class Incidents {

    static final Duration FOLD = Duration.ofMinutes(10);
    static final Duration SAME_CRASH = Duration.ofSeconds(30);
    static final int LOOP = 3;
    static final int LINES = 200;
    private static final int LINE_CHARS = 2_000;

    private final IncidentRepository repository;
    private final ApplicationEventPublisher events;
    private final RunningWork work;
    private final PlatformTransactionManager transactions;

    Incidents(IncidentRepository repository, ApplicationEventPublisher events, RunningWork work, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.events = events;
        this.work = work;
        this.transactions = transactions;
    }

    /**
     * Records a crash in a transaction of its own; the incident it opened or grew. One at a time: the log and the
     * engine tell of one crash within a second, from two threads.
     */
    synchronized IncidentView record(Crash crash) {
        return Transactions.requiresNew(transactions).execute(tx -> {
            Optional<Incident> recent = repository.findFirstByContainerNameAndLastAtAfterOrderByLastAtDesc(crash.containerName(),
                    crash.at().minus(FOLD));
            Incident incident = recent.map(open -> grow(open, crash)).orElseGet(() -> open(crash));
            return incident.view(false);
        });
    }

    List<IncidentView> recent(int limit) {
        return repository.findByOrderByLastAtDesc(PageRequest.of(0, Math.max(1, Math.min(limit, 1_000)))).stream()
                .map(i -> i.view(false)).toList();
    }

    Optional<IncidentView> one(long id) {
        return repository.findById(id).map(i -> i.view(true));
    }

    private Incident open(Crash crash) {
        Incident incident = new Incident();
        incident.part = crash.part();
        incident.containerName = crash.containerName();
        incident.kind = crash.verdict().kind();
        incident.summary = crash.verdict().summary();
        incident.exitCode = crash.exitCode();
        incident.happenedAt = crash.at();
        incident.lastAt = crash.at();
        incident.occurrences = 1;
        incident.duringWork = clip(work.at(crash.at()), 500);
        incident.lastLines = lines(crash.lastLines());
        repository.save(incident);
        events.publishEvent(incident.opened());
        return incident;
    }

    private Incident grow(Incident incident, Crash crash) {
        boolean sameCrash = Duration.between(incident.lastAt, crash.at()).abs().compareTo(SAME_CRASH) <= 0
                && (crash.fromLog() || incident.exitCode == null);
        if (crash.fromLog() && !sameCrash) {
            return incident; // only deaths count: text in a log (which a user may put there) never makes a loop
        }
        if (sameCrash) {
            completeWithTheOtherSighting(incident, crash);
            return incident;
        }
        incident.occurrences++;
        incident.lastAt = crash.at();
        incident.exitCode = crash.exitCode() != null ? crash.exitCode() : incident.exitCode;
        incident.lastLines = lines(crash.lastLines());
        if (incident.kind == IncidentKind.RESTART_LOOP || incident.occurrences >= LOOP) {
            boolean becameLoop = incident.kind != IncidentKind.RESTART_LOOP;
            incident.kind = IncidentKind.RESTART_LOOP;
            incident.summary = clip("died " + incident.occurrences + " times since " + incident.happenedAt + ", the last: "
                    + crash.verdict().summary(), 1_000);
            if (becameLoop) {
                events.publishEvent(incident.opened());
            }
        }
        return incident;
    }

    /** The engine's exit code added to what the log told, or the log's more precise cause to the engine's code. */
    private static void completeWithTheOtherSighting(Incident incident, Crash crash) {
        if (crash.fromLog()) {
            if (incident.kind == IncidentKind.KILLED && crash.verdict().kind() == IncidentKind.OUT_OF_MEMORY) {
                incident.kind = IncidentKind.OUT_OF_MEMORY;
                incident.summary = clip(crash.verdict().summary() + ", " + incident.summary, 1_000);
            }
            return;
        }
        incident.exitCode = crash.exitCode();
        if (crash.verdict().kind() == IncidentKind.KILLED && incident.kind == IncidentKind.OUT_OF_MEMORY) {
            incident.summary = clip(incident.summary + ", then killed by SIGKILL (exit code " + crash.exitCode() + ")", 1_000);
        } else if (incident.kind != IncidentKind.RESTART_LOOP) {
            incident.kind = crash.verdict().kind();
            incident.summary = clip(crash.verdict().summary() + " (" + incident.summary + ")", 1_000);
        }
        if (crash.lastLines().size() > incident.lines().size()) {
            incident.lastLines = lines(crash.lastLines());
        }
    }

    private static String lines(List<String> lines) {
        List<String> last = lines.size() > LINES ? lines.subList(lines.size() - LINES, lines.size()) : lines;
        return String.join("\n", last.stream().map(line -> clip(line.replace('\n', ' '), LINE_CHARS)).toList());
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
