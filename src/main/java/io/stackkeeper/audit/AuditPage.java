package io.stackkeeper.audit;

import java.util.List;

/** One page of audit records, newest first, with the number of records matching the query. */
public record AuditPage(List<AuditRecord> items, long total) {
}
