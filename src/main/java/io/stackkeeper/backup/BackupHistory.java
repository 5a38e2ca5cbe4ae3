package io.stackkeeper.backup;

import io.stackkeeper.base.CsvRow;
import io.stackkeeper.base.OffsetPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** The history of backup runs: pages, CSV, the newest and last good sets, and whether a backup is overdue. */
@Component
record BackupHistory(BackupRunRepository runs, BackupPlanRepository plans, Clock clock) {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "startedAt").and(Sort.by(Sort.Direction.DESC, "id"));
    private static final int CSV_BATCH = 500;

    List<BackupRunRecord> page(RunQuery query, long offset, int limit) {
        return runs.findAll(BackupRunRepository.matching(query), new OffsetPage(offset, Math.max(1, limit), NEWEST_FIRST)).stream()
                .map(BackupRun::record).toList();
    }

    long count(RunQuery query) {
        return runs.count(BackupRunRepository.matching(query));
    }

    Optional<BackupRunRecord> find(String id) {
        return runs.findById(id).map(BackupRun::record);
    }

    Optional<Manifest> manifest(String id) {
        return runs.findById(id).flatMap(run -> Optional.ofNullable(run.manifest)).map(Manifest::fromJson);
    }

    void exportCsv(RunQuery query, Writer out) {
        try {
            out.write("id,plan,status,trigger,actor,started_at,finished_at,duration_s,size_bytes,documents,verified,drill,removed_at,error\r\n");
            int page = 0;
            List<BackupRun> batch;
            do {
                batch = runs.findAll(BackupRunRepository.matching(query), new OffsetPage((long) page * CSV_BATCH, CSV_BATCH, NEWEST_FIRST)).getContent();
                for (BackupRun run : batch) {
                    BackupRunRecord r = run.record();
                    out.write(CsvRow.of(r.id(), r.plan(), r.status(), r.trigger().label(), r.actor(), r.startedAt(), r.finishedAt(),
                            r.duration() == null ? null : r.duration().toSeconds(), r.sizeBytes(), r.documents(),
                            r.verifiedAt() == null ? "" : r.verified() ? "ok" : "failed",
                            r.drillOk() == null ? "" : r.drillOk() ? "ok" : "failed", r.removedAt(), r.error()));
                }
                page++;
            } while (batch.size() == CSV_BATCH);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<BackupRunRecord> newestSet(String plan) {
        return runs.findByPlanNameAndStatusAndRemovedAtIsNullOrderByStartedAtDesc(plan, RunStatus.SUCCEEDED).stream().findFirst()
                .map(BackupRun::record);
    }

    Optional<BackupRunRecord> lastSuccessful() {
        return runs.findFirstByStatusOrderByStartedAtDesc(RunStatus.SUCCEEDED).map(BackupRun::record);
    }

    Optional<BackupRunRecord> lastVerifiedRestorable() {
        return runs.findFirstByDrillOkTrueOrderByDrilledAtDesc().map(BackupRun::record);
    }

    /** Whether the newest successful backup is older than twice its plan's period (or two days without a plan). */
    boolean overdue() {
        Optional<BackupRun> last = runs.findFirstByStatusOrderByStartedAtDesc(RunStatus.SUCCEEDED);
        if (last.isEmpty()) {
            return true;
        }
        Duration period = plans.findByName(last.get().planName).map(plan -> {
            List<Instant> next = new CronSchedule(plan.cron).nextRuns(clock.instant(), 2);
            return next.size() == 2 ? Duration.between(next.get(0), next.get(1)) : Duration.ofDays(1);
        }).orElse(Duration.ofDays(1));
        return Duration.between(last.get().startedAt, clock.instant()).compareTo(period.multipliedBy(2)) > 0;
    }

    /** A successful run whose set still has its files, or the reason it cannot be checked or restored. */
    BackupRunRecord restorable(String id) {
        BackupRunRecord run = find(id).orElseThrow(() -> new NoSuchElementException("There is no backup " + id + "."));
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("Backup " + id + " is " + run.status() + ": only a successful set can be checked.");
        }
        if (run.removedAt() != null) {
            throw new IllegalStateException("The set of backup " + id + " was removed by retention at " + run.removedAt() + ".");
        }
        return run;
    }
}
