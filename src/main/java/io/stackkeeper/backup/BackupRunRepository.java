package io.stackkeeper.backup;

import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface BackupRunRepository extends JpaRepository<BackupRun, String>, JpaSpecificationExecutor<BackupRun> {

    List<BackupRun> findByStatus(RunStatus status);

    List<BackupRun> findTop2ByPlanNameAndImportedFalseOrderByStartedAtDesc(String planName);

    List<BackupRun> findByPlanNameAndStatus(String planName, RunStatus status);

    List<BackupRun> findByPlanNameAndStatusAndRemovedAtIsNullOrderByStartedAtDesc(String planName, RunStatus status);

    Optional<BackupRun> findFirstByPlanNameAndStatusOrderByStartedAtDesc(String planName, RunStatus status);

    Optional<BackupRun> findFirstByPlanNameAndStatusAndSizeBytesNotNullOrderBySizeBytesDesc(String planName, RunStatus status);

    Optional<BackupRun> findFirstByStatusOrderByStartedAtDesc(RunStatus status);

    Optional<BackupRun> findFirstByDrillOkTrueOrderByDrilledAtDesc();

    boolean existsByPlanNameAndStatus(String planName, RunStatus status);

    static Specification<BackupRun> matching(RunQuery query) {
        return (root, criteria, builder) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.plan() != null && !query.plan().isBlank()) {
                where.add(builder.equal(root.get("planName"), query.plan()));
            }
            if (query.status() != null) {
                where.add(builder.equal(root.get("status"), query.status()));
            }
            if (query.trigger() != null) {
                where.add(builder.equal(root.get("trigger"), query.trigger()));
            }
            if (query.from() != null) {
                where.add(builder.greaterThanOrEqualTo(root.<Instant>get("startedAt"), query.from()));
            }
            if (query.to() != null) {
                where.add(builder.lessThan(root.<Instant>get("startedAt"), query.to()));
            }
            return builder.and(where.toArray(Predicate[]::new));
        };
    }
}
