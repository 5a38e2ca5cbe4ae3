package io.stackkeeper.monitoring;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.deliveredAt is null and n.nextAttemptAt <= :now order by n.nextAttemptAt")
    List<Notification> due(Instant now, Pageable page);

    /** The notification, its row held until the transaction ends: two portals never send it both. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select n from Notification n where n.id = :id")
    Optional<Notification> lockById(@Param("id") long id);

    List<Notification> findTop100ByOrderByCreatedAtDesc();

    List<Notification> findByAlertIdOrderByCreatedAtAsc(Long alertId);

    Notification findFirstByNotifierIdAndLastErrorIsNotNullOrderByCreatedAtDesc(long notifierId);
}
