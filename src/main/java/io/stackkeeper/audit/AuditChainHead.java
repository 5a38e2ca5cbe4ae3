package io.stackkeeper.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where the chain ends: the newest entry's id and hash, updated with every append. */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

    static final long SINGLETON = 1;

    @Id
    private Long id = SINGLETON;

    @Column(name = "last_id", nullable = false)
    private long lastId;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    @Column(name = "keyed_from")
    private Long keyedFrom;

    @Column(length = 64)
    private String seal;

    protected AuditChainHead() {
    }

    AuditChainHead(long lastId, String lastHash, long keyedFrom, String seal) {
        this.lastId = lastId;
        this.lastHash = lastHash;
        this.keyedFrom = keyedFrom;
        this.seal = seal;
    }

    /** {@code null} for a chain written only by releases before the chain was keyed. */
    Long keyedFrom() {
        return keyedFrom;
    }

    String seal() {
        return seal;
    }

    long lastId() {
        return lastId;
    }

    String lastHash() {
        return lastHash;
    }
}
