package io.stackkeeper.monitoring;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MaintenanceRepository extends JpaRepository<MaintenanceWindow, Long> {

    /** The windows that may cover {@code at}: started by then and not ended before. */
    @Query("select w from MaintenanceWindow w where w.startsAt <= :at and (w.endsAt is null or w.endsAt > :at) order by w.startsAt")
    List<MaintenanceWindow> activeAt(Instant at);

    List<MaintenanceWindow> findByAutomaticTrueAndEndsAtIsNullAndReason(String reason);

    @Query("select w from MaintenanceWindow w where w.endsAt is null or w.endsAt > :since order by w.startsAt desc")
    List<MaintenanceWindow> currentOrAfter(Instant since);

    /** The windows that overlap {@code from} to {@code to}, newest first, at most 200. */
    @Query("select w from MaintenanceWindow w where w.startsAt < :to and (w.endsAt is null or w.endsAt > :from) order by w.startsAt desc"
            + " limit 200")
    List<MaintenanceWindow> overlapping(Instant from, Instant to);
}
