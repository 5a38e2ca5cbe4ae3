package io.stackkeeper.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AuditEntryRepository extends JpaRepository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    Optional<AuditEntry> findTopByOrderByIdDesc();

    @Query("select e from AuditEntry e where e.id > :afterId order by e.id asc")
    List<AuditEntry> findBatchAfter(long afterId, Pageable batch);
}
