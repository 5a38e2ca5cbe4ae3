package io.stackkeeper.backup;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BackupPlanRepository extends JpaRepository<BackupPlan, Long> {

    Optional<BackupPlan> findByName(String name);

    /** The plan's row, locked until the transaction ends (portals sharing the database wait for each other). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from BackupPlan p where p.name = :name")
    Optional<BackupPlan> lockByName(@Param("name") String name);

    List<BackupPlan> findAllByOrderByNameAsc();
}
