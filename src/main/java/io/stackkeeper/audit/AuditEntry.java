package io.stackkeeper.audit;

import io.stackkeeper.base.Outcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** One recorded action. Written once, never updated: the entity has no setters. */
@Entity
@Table(name = "audit_entry")
class AuditEntry implements Persistable<Long> {

    @Id
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 100)
    private String actor;

    @Column(nullable = false, length = 100)
    private String action;

    @Column(length = 255)
    private String target;

    @Column(nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Column(nullable = false, length = 8000)
    private String details;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "previous_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(nullable = false, length = 64)
    private String hash;

    /** Ids are assigned by the chain, so Spring Data cannot tell a new entry by a null id. */
    @Transient
    private boolean fresh = true;

    protected AuditEntry() {
    }

    @PostLoad
    void loaded() {
        fresh = false;
    }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    AuditEntry(long id, Instant occurredAt, String actor, String action, String target, Outcome outcome, String details,
            String clientAddress, String previousHash, String hash) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.outcome = outcome;
        this.details = details;
        this.clientAddress = clientAddress;
        this.previousHash = previousHash;
        this.hash = hash;
    }

    /** A new entry at the end of the chain, sealed with its hash. */
    static AuditEntry sealed(AuditChain chain, long id, Instant occurredAt, String actor, String action, String target, Outcome outcome,
            String details, String clientAddress, String previousHash) {
        AuditEntry entry = new AuditEntry(id, occurredAt, actor, action, target, outcome, details, clientAddress, previousHash, null);
        entry.hash = chain.seal(entry);
        return entry;
    }

    long id() {
        return id;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String actor() {
        return actor;
    }

    String action() {
        return action;
    }

    String target() {
        return target;
    }

    Outcome outcome() {
        return outcome;
    }

    String details() {
        return details;
    }

    String clientAddress() {
        return clientAddress;
    }

    String previousHash() {
        return previousHash;
    }

    String hash() {
        return hash;
    }

    AuditRecord record() {
        return new AuditRecord(id, occurredAt, actor, action, target, outcome, details, clientAddress);
    }
}
