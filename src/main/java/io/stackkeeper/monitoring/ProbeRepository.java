package io.stackkeeper.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProbeRepository extends JpaRepository<Probe, Long> {

    Optional<Probe> findByName(String name);

    List<Probe> findAllByOrderByComponentAscNameAsc();

    List<Probe> findByManagedTrue();
}
