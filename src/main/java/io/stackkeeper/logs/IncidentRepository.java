package io.stackkeeper.logs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentRepository extends JpaRepository<Incident, Long> {

    List<Incident> findByOrderByLastAtDesc(Pageable page);

    Optional<Incident> findFirstByContainerNameAndLastAtAfterOrderByLastAtDesc(String containerName, Instant after);
}
