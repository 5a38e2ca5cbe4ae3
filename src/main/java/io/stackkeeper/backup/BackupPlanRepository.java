package io.stackkeeper.backup;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BackupPlanRepository extends JpaRepository<BackupPlan, Long> {

    Optional<BackupPlan> findByName(String name);

    List<BackupPlan> findAllByOrderByNameAsc();
}
