package io.stackkeeper.audit;

import io.stackkeeper.base.Transactions;
import io.stackkeeper.base.CsvRow;
import io.stackkeeper.base.OffsetPage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stackkeeper.base.AuditableEvent;
import io.stackkeeper.base.Outcome;
import io.stackkeeper.base.RequestOrigin;
import io.stackkeeper.security.Roles;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail: search, export and verification for people, and appending for the event listener. */
@Service
public class AuditLog {

    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 500;
    private static final int BATCH = 2_000;
    private static final int MAX_DETAILS = 8_000;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "id");

    private final AuditEntryRepository entries;
    private final AuditChainHeadRepository heads;
    private final TransactionTemplate ownTransaction;
    private final ObjectMapper json;
    private final Clock clock;
    private final ReentrantLock appendLock = new ReentrantLock(true);
    private final EntityManager entityManager;

    AuditLog(AuditEntryRepository entries, AuditChainHeadRepository heads, PlatformTransactionManager transactions,
            ObjectMapper json, Clock clock, EntityManager entityManager) {
        this.entries = entries;
        this.heads = heads;
        this.entityManager = entityManager;
        this.ownTransaction = Transactions.requiresNew(transactions);
        this.json = json;
        this.clock = clock;
    }

    /** Records an event at the end of the chain, in its own transaction; appends are serialised. */
    void append(AuditableEvent event) {
        String actor = event.actor() != null ? event.actor() : RequestOrigin.actor();
        String address = event.clientAddress() != null ? event.clientAddress() : RequestOrigin.clientAddress();
        String details = toJson(event.details());
        appendLock.lock();
        try {
            ownTransaction.executeWithoutResult(status -> {
                // continue from the recorded end, not from what the table holds now: a removed tail stays a visible gap
                AuditChainHead head = heads.findById(AuditChainHead.SINGLETON).orElseGet(() -> entries.findTopByOrderByIdDesc()
                        .map(last -> new AuditChainHead(last.id(), last.hash())).orElse(new AuditChainHead(0, AuditChain.GENESIS)));
                long id = head.lastId() + 1;
                String previousHash = head.lastHash();
                AuditEntry entry = entries.save(AuditEntry.sealed(id, clock.instant().truncatedTo(ChronoUnit.MICROS),
                        truncate(actor.toLowerCase(Locale.ROOT), 100), truncate(event.action(), 100),
                        truncate(event.target(), 255), event.outcome(), details, truncate(address, 64), previousHash));
                heads.save(new AuditChainHead(entry.id(), entry.hash()));
            });
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * One page of matching records, newest first.
     *
     * @param page zero-based
     * @param size 1 to {@value #MAX_PAGE_SIZE}
     */
    @PreAuthorize(Roles.IS_ADMIN_OR_VIEWER)
    @Transactional(readOnly = true)
    public AuditPage search(AuditQuery query, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        var result = entries.findAll(AuditSpecifications.matching(query, null), PageRequest.of(page, size, NEWEST_FIRST));
        return new AuditPage(result.map(AuditEntry::record).getContent(), result.getTotalElements());
    }

    /** Records from {@code offset} on, newest first, for a lazy grid that pages by offset. */
    @PreAuthorize(Roles.IS_ADMIN_OR_VIEWER)
    @Transactional(readOnly = true)
    public List<AuditRecord> slice(AuditQuery query, int offset, int limit) {
        return entries.findAll(AuditSpecifications.matching(query, null), new OffsetPage(offset, limit, NEWEST_FIRST))
                .map(AuditEntry::record).getContent();
    }

    /** Number of records matching the query. */
    @PreAuthorize(Roles.IS_ADMIN_OR_VIEWER)
    @Transactional(readOnly = true)
    public long count(AuditQuery query) {
        return entries.count(AuditSpecifications.matching(query, null));
    }

    /** The newest records the signed-in user may see: all for admins and viewers, their own actions for others. */
    @PreAuthorize(Roles.IS_SIGNED_IN)
    @Transactional(readOnly = true)
    public List<AuditRecord> recentVisibleToMe(int limit) {
        String onlyActor = mayReadAll() ? null : RequestOrigin.actor().toLowerCase(Locale.ROOT);
        return entries.findAll(AuditSpecifications.matching(AuditQuery.ALL, onlyActor), PageRequest.of(0, limit, NEWEST_FIRST))
                .map(AuditEntry::record).getContent();
    }

    /** Writes every matching record as CSV (RFC 4180), newest first. */
    @PreAuthorize(Roles.IS_ADMIN_OR_VIEWER)
    @Transactional(readOnly = true)
    public void exportCsv(AuditQuery query, Writer out) {
        try {
            out.write("id,time,actor,action,target,outcome,client_address,details\r\n");
            // keyset paging: entries appended during the export neither shift nor repeat rows
            long below = Long.MAX_VALUE;
            List<AuditRecord> batch;
            do {
                batch = entries.findAll(AuditSpecifications.matching(query, null).and(AuditSpecifications.idBelow(below)),
                        PageRequest.of(0, BATCH, NEWEST_FIRST)).map(AuditEntry::record).getContent();
                for (AuditRecord r : batch) {
                    out.write(CsvRow.of(r.id(), r.time(), r.actor(), r.action(), r.target(), r.outcome(), r.clientAddress(), r.details()));
                    below = r.id();
                }
                entityManager.clear();
            } while (batch.size() == BATCH);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks the whole chain and names the first entry that was altered or removed; the check itself is audited. */
    @PreAuthorize(Roles.IS_ADMIN)
    public ChainVerification verifyChain() {
        AuditChain.Verifier verifier = new AuditChain.Verifier();
        ownTransaction.executeWithoutResult(status -> {
            long after = 0;
            List<AuditEntry> batch;
            do {
                batch = entries.findBatchAfter(after, Pageable.ofSize(BATCH));
                for (AuditEntry entry : batch) {
                    if (!verifier.accept(entry)) {
                        return;
                    }
                    after = entry.id();
                }
                entityManager.clear();
            } while (batch.size() == BATCH);
        });
        ChainVerification result = ownTransaction.execute(status -> heads.findById(AuditChainHead.SINGLETON)
                .map(head -> verifier.result(head.lastId(), head.lastHash()))
                .orElseGet(verifier::result));
        append(new ChainVerified(result));
        return result;
    }

    private record ChainVerified(ChainVerification result) implements AuditableEvent {
        public String action() {
            return "audit.chain-verified";
        }

        public String target() {
            return "audit trail";
        }

        public Outcome outcome() {
            return result.intact() ? Outcome.SUCCESS : Outcome.FAILURE;
        }

        public Map<String, Object> details() {
            Map<String, Object> details = new TreeMap<>();
            details.put("entriesChecked", result.entriesChecked());
            if (!result.intact()) {
                details.put("firstBrokenEntry", result.firstBrokenEntryId());
                details.put("problem", result.problem());
            }
            return details;
        }
    }

    private static boolean mayReadAll() {
        return Roles.currentUserHasAny(Roles.ADMIN, Roles.VIEWER);
    }

    private String toJson(Map<String, Object> details) {
        try {
            String text = json.writeValueAsString(new TreeMap<>(details == null ? Map.of() : details));
            return text.length() <= MAX_DETAILS ? text
                    : json.writeValueAsString(Map.of("truncated", true, "start", text.substring(0, MAX_DETAILS - 100)));
        } catch (JsonProcessingException e) {
            return "{\"unserialisable\":true}";
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
