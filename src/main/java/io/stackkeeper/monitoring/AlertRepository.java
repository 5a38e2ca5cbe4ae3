package io.stackkeeper.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AlertRepository extends JpaRepository<Alert, Long> {

    Optional<Alert> findFirstByProbeIdAndClosedAtIsNull(long probeId);

    List<Alert> findByClosedAtIsNullOrderByOpenedAtDesc();

    List<Alert> findByOpenedAtAfterOrderByOpenedAtDesc(Instant after);

    List<Alert> findByProbeIdOrderByOpenedAtDesc(long probeId);
}
