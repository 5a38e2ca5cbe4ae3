package io.stackkeeper.upgrade;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UpgradeRequestRepository extends JpaRepository<UpgradeRequest, Long> {

    List<UpgradeRequest> findAllByOrderByRequestedAtDesc();

    List<UpgradeRequest> findByStatus(RequestStatus status);

    Optional<UpgradeRequest> findFirstByStatusOrderByFinishedAtDesc(RequestStatus status);

    Optional<UpgradeRequest> findFirstByFinishedAtNotNullOrderByFinishedAtDesc();
}
