package io.stackkeeper.logs;

import org.springframework.data.jpa.repository.JpaRepository;

interface KeepingSwitchRepository extends JpaRepository<KeepingSwitch, String> {
}
