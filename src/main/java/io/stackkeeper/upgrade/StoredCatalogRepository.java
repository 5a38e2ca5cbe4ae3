package io.stackkeeper.upgrade;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredCatalogRepository extends JpaRepository<StoredCatalog, Long> {

    Optional<StoredCatalog> findFirstByOrderByIdDesc();

    List<StoredCatalog> findAllByOrderByIdDesc();
}
