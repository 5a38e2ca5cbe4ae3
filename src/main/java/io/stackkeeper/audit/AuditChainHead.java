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

    protected AuditChainHead() {
    }

    AuditChainHead(long lastId, String lastHash) {
        this.lastId = lastId;
        this.lastHash = lastHash;
    }

    long lastId() {
        return lastId;
    }

    String lastHash() {
        return lastHash;
    }
}
