package io.stackkeeper.backup;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BackupPlanRepository extends JpaRepository<BackupPlan, Long> {

    Optional<BackupPlan> findByName(String name);

    /** The plan's row, locked until the transaction ends (portals sharing the database wait for each other). */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select p from BackupPlan p where p.name = :name")
    Optional<BackupPlan> lockByName(@org.springframework.data.repository.query.Param("name") String name);

    List<BackupPlan> findAllByOrderByNameAsc();
}
