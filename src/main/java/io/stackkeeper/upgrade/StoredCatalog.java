package io.stackkeeper.upgrade;

import jakarta.persistence.Column;
import io.stackkeeper.base.LongText;
import org.hibernate.annotations.JdbcType;
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
    @JdbcType(LongText.class)
    @Column(nullable = false)
    String content;
    @Column(name = "uploaded_by", nullable = false)
    String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    Instant uploadedAt;
}
