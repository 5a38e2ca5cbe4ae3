package io.stackkeeper.backup;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RestoreRunRepository extends JpaRepository<RestoreRun, String> {

    List<RestoreRun> findByStatus(RestoreRecord.Status status);
}
