package io.stackkeeper.audit;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** Turns an {@link AuditQuery} into only the predicates it needs, so each filter can use its index. */
final class AuditSpecifications {

    private AuditSpecifications() {
    }

    static Specification<AuditEntry> matching(AuditQuery query, String onlyActor) {
        return (root, criteria, builder) -> {
            List<Predicate> predicates = new ArrayList<>();
            String actor = onlyActor != null ? onlyActor : query.actor();
            if (actor != null) {
                predicates.add(builder.equal(root.get("actor"), actor.toLowerCase(Locale.ROOT)));
            }
            if (query.action() != null) {
                String action = query.action().toLowerCase(Locale.ROOT);
                predicates.add(builder.like(root.get("action"), escapeLike(action) + "%", '\\'));
            }
            if (query.outcome() != null) {
                predicates.add(builder.equal(root.get("outcome"), query.outcome()));
            }
            if (query.from() != null) {
                predicates.add(builder.greaterThanOrEqualTo(root.get("occurredAt"), query.from()));
            }
            if (query.to() != null) {
                predicates.add(builder.lessThan(root.get("occurredAt"), query.to()));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
    }

    static Specification<AuditEntry> idBelow(long id) {
        return (root, criteria, builder) -> builder.lessThan(root.get("id"), id);
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
