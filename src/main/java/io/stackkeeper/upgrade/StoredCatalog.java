package io.stackkeeper.upgrade;

import jakarta.persistence.Column;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A release catalog an admin uploaded; the newest is the one in use, the older ones are its history. */
@Entity
@Table(name = "release_catalog")
class StoredCatalog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(nullable = false)
    int revision;
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR) // a CLOB on H2, text on PostgreSQL (where @Lob would mean an oid)
    @Column(nullable = false)
    String content;
    @Column(name = "uploaded_by", nullable = false)
    String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    Instant uploadedAt;
}
