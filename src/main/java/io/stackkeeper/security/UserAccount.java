package io.stackkeeper.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

@Entity
@Table(name = "user_account")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "admin_granted_by")
    private String adminGrantedBy;

    @Column(name = "admin_granted_at")
    private Instant adminGrantedAt;

    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, Set<Role> roles, Instant now, String createdBy) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.createdAt = now;
        this.passwordChangedAt = now;
        this.createdBy = createdBy;
        if (this.roles.contains(Role.ADMIN)) {
            this.adminGrantedBy = createdBy;
            this.adminGrantedAt = now;
        }
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    Instant createdAt() {
        return createdAt;
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
    }

    /** Replaces the roles; a newly granted ADMIN role records who granted it and when. */
    void setRoles(Set<Role> newRoles, String grantedBy, Instant now) {
        if (newRoles.contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            adminGrantedBy = grantedBy;
            adminGrantedAt = now;
        }
        roles.clear();
        roles.addAll(newRoles);
    }

    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    AccountOrigin origin() {
        return new AccountOrigin(username, createdAt, createdBy, adminGrantedBy, adminGrantedAt);
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    UserSummary summary() {
        return new UserSummary(username, roles(), enabled, createdAt);
    }
}
