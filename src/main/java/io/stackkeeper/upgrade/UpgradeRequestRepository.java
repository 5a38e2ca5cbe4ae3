package io.stackkeeper.upgrade;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UpgradeRequestRepository extends JpaRepository<UpgradeRequest, Long> {

    List<UpgradeRequest> findAllByOrderByRequestedAtDesc();
}
