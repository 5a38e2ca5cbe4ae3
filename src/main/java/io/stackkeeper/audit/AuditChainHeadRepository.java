package io.stackkeeper.audit;

import org.springframework.data.jpa.repository.JpaRepository;

interface AuditChainHeadRepository extends JpaRepository<AuditChainHead, Long> {
}
