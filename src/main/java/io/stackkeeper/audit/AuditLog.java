package io.stackkeeper.audit;

import io.stackkeeper.base.Transactions;
import io.stackkeeper.base.PortalTurns;
import io.stackkeeper.base.SecretCipher;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
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
    private final AuditOutbox outbox;
    private final SecretCipher cipher;
    private volatile AuditChain chain;

    AuditLog(AuditEntryRepository entries, AuditChainHeadRepository heads, PlatformTransactionManager transactions,
            ObjectMapper json, Clock clock, EntityManager entityManager, AuditOutbox outbox, SecretCipher cipher) {
        this.outbox = outbox;
        this.cipher = cipher;
        this.entries = entries;
        this.heads = heads;
        this.entityManager = entityManager;
        this.ownTransaction = Transactions.requiresNew(transactions);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records an event: rendered into the outbox in the caller's transaction when it has a writable one (so it commits
     * or rolls back with the action), otherwise in a transaction of its own; it is chained once that commits.
     */
    void record(AuditableEvent event) {
        String actor = event.actor() != null ? event.actor() : RequestOrigin.actor();
        String address = event.clientAddress() != null ? event.clientAddress() : RequestOrigin.clientAddress();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Runnable add = () -> outbox.add(at, truncate(actor.toLowerCase(Locale.ROOT), 100), truncate(event.action(), 100),
                truncate(event.target(), 255), event.outcome(), toJson(event.details()), truncate(address, 64));
        if (TransactionSynchronizationManager.isActualTransactionActive() && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            add.run();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    chainWaiting();
                }
            });
        } else {
            ownTransaction.executeWithoutResult(status -> add.run());
            chainWaiting();
        }
    }

    /**
     * Moves every waiting event onto the end of the chain, oldest first, each with its outbox row removed in the same
     * transaction; stops at the first failure (the rest wait for the next call: after the next commit, at start, and
     * every half minute). A thread that finds another chaining leaves its event to that one, which looks at the outbox
     * again once it let go: no thread holds its connection waiting for another's turn.
     */
    void chainWaiting() {
        boolean chained;
        do {
            if (!appendLock.tryLock()) {
                return;
            }
            try {
                chained = chainAll();
            } finally {
                appendLock.unlock();
            }
        } while (chained && Boolean.TRUE.equals(ownTransaction.execute(status -> outbox.waiting() > 0)));
    }

    /** Answers whether everything waiting was chained. */
    private boolean chainAll() {
        try {
            boolean more = true;
            while (more) {
                more = Boolean.TRUE.equals(ownTransaction.execute(status -> {
                    outbox.takeChainTurn();
                    return outbox.oldest().map(pending -> {
                        append(pending);
                        outbox.remove(pending.id());
                        return true;
                    }).orElse(false);
                }));
            }
            return true;
        } catch (PortalTurns.BusyException e) {
            log.info("Audit entries wait in the outbox while another portal appends; retrying later");
            return false;
        } catch (RuntimeException e) {
            log.error("Audit entries wait in the outbox: chaining failed ({}); retrying later", e.getMessage());
            return false;
        }
    }

    /** Under the append lock, in the caller's transaction. */
    private void append(AuditOutbox.Pending pending) {
        AuditChain chain = chain();
        // continue from the recorded end, not from what the table holds now: a removed tail stays a visible gap
        AuditChainHead head = heads.findById(AuditChainHead.SINGLETON).orElseGet(() -> entries.findTopByOrderByIdDesc()
                .map(last -> new AuditChainHead(last.id(), last.hash(), chain.keyedFrom(), null))
                .orElse(new AuditChainHead(0, AuditChain.GENESIS, chain.keyedFrom(), null)));
        AuditEntry entry = entries.save(AuditEntry.sealed(chain, head.lastId() + 1, pending.occurredAt(), pending.actor(), pending.action(),
                pending.target(), pending.outcome(), pending.details(), pending.clientAddress(), head.lastHash()));
        heads.save(new AuditChainHead(entry.id(), entry.hash(), chain.keyedFrom(), chain.headSeal(entry.id(), entry.hash())));
    }

    /**
     * The chain's key and where keyed seals begin: 1 for a new trail; for a trail written by an earlier release, the
     * entry after its recorded end, written into the head under the head's seal the first time.
     */
    private AuditChain chain() {
        if (chain == null) {
            byte[] key = cipher.derivedKey("audit-chain");
            chain = ownTransaction.execute(status -> {
                Optional<AuditChainHead> head = heads.findById(AuditChainHead.SINGLETON);
                if (head.isPresent() && head.get().keyedFrom() != null) {
                    return new AuditChain(key, head.get().keyedFrom());
                }
                long lastId = head.map(AuditChainHead::lastId).orElseGet(() -> entries.findTopByOrderByIdDesc().map(AuditEntry::id).orElse(0L));
                AuditChain keyed = new AuditChain(key, lastId + 1);
                if (lastId > 0) {
                    String lastHash = head.map(AuditChainHead::lastHash).orElseGet(() -> entries.findTopByOrderByIdDesc().orElseThrow().hash());
                    heads.save(new AuditChainHead(lastId, lastHash, keyed.keyedFrom(), keyed.headSeal(lastId, lastHash)));
                    log.info("The audit trail is sealed with a key from entry #{} on; earlier entries keep their plain hashes.", lastId + 1);
                }
                return keyed;
            });
        }
        return chain;
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
        ChainVerification result;
        appendLock.lock();
        try {
            result = ownTransaction.execute(status -> {
                outbox.takeChainTurn();
                return verifyUnderLock();
            });
        } finally {
            appendLock.unlock();
        }
        record(new ChainVerified(result));
        return result;
    }

    /** Appends wait meanwhile: an entry added during the walk would look like one added outside the portal. */
    private ChainVerification verifyUnderLock() {
        AuditChain.Verifier verifier = chain().new Verifier();
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
        return ownTransaction.execute(status -> heads.findById(AuditChainHead.SINGLETON)
                .map(head -> verifier.result(head.lastId(), head.lastHash(), head.seal()))
                .orElseGet(() -> entries.count() == 0 ? verifier.result() : new ChainVerification(false, entries.count(), null,
                        "The record of where the chain ends was removed outside the portal.")));
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
            // cut the text, then check the escaped result (quotes and control characters grow when escaped again)
            int keep = MAX_DETAILS - 100;
            while (text.length() > MAX_DETAILS) {
                text = json.writeValueAsString(Map.of("truncated", true, "start", text.substring(0, Math.min(keep, text.length()))));
                keep /= 2;
            }
            return text;
        } catch (JsonProcessingException e) {
            return "{\"unserialisable\":true}";
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
