package io.stackkeeper.stack;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored stack settings (one row). Secret fields hold ciphertext only; {@link StackSettingsStore} seals and opens them. */
@Entity
@Table(name = "stack_settings")
class StackSettings {

    static final long SINGLETON = 1;

    @Id
    private Long id = SINGLETON;

    @Column(name = "engine_endpoint", nullable = false)
    String engineEndpoint;
    @Column(name = "engine_tls_path")
    String engineTlsPath;
    @Column(name = "lookup_mode", nullable = false)
    @Enumerated(EnumType.STRING)
    ContainerLookup lookupMode = ContainerLookup.NAME;
    @Column(name = "backend_container")
    String backendContainer;
    @Column(name = "frontend_container")
    String frontendContainer;
    @Column(name = "compose_project")
    String composeProject;
    @Column(name = "backend_service")
    String backendService;
    @Column(name = "frontend_service")
    String frontendService;
    @Column(name = "mongo_uri_sealed")
    String mongoUriSealed;
    @Column(name = "redis_uri_sealed")
    String redisUriSealed;
    @Column(name = "backend_url")
    String backendUrl;
    @Column(name = "frontend_url")
    String frontendUrl;
    @Column(name = "status_user_agent_sealed")
    String statusUserAgentSealed;
    @Column(name = "storage_host_path")
    String storageHostPath;
    @Column(name = "registry_url")
    String registryUrl;
    @Column(name = "registry_username")
    String registryUsername;
    @Column(name = "registry_password_sealed")
    String registryPasswordSealed;
    @Column(name = "backend_repository")
    String backendRepository;
    @Column(name = "frontend_repository")
    String frontendRepository;
    @Column(nullable = false)
    boolean demo;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    String updatedBy;
}
