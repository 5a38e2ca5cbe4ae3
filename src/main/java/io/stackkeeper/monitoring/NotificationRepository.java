package io.stackkeeper.monitoring;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.deliveredAt is null and n.nextAttemptAt <= :now order by n.nextAttemptAt")
    List<Notification> due(Instant now, Pageable page);

    List<Notification> findTop100ByOrderByCreatedAtDesc();

    List<Notification> findByAlertIdOrderByCreatedAtAsc(Long alertId);

    Notification findFirstByNotifierIdAndLastErrorIsNotNullOrderByCreatedAtDesc(long notifierId);
}
