package io.stackkeeper.monitoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotifierRepository extends JpaRepository<Notifier, Long> {

    List<Notifier> findByEnabledTrue();

    List<Notifier> findAllByOrderByNameAsc();

    Optional<Notifier> findByName(String name);
}
