package io.stackkeeper.stack;

import org.springframework.data.jpa.repository.JpaRepository;

interface StackSettingsRepository extends JpaRepository<StackSettings, Long> {
}
