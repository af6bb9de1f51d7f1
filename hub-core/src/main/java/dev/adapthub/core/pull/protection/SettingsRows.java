package dev.adapthub.core.pull.protection;

import org.springframework.data.jpa.repository.JpaRepository;

interface SettingsRows extends JpaRepository<PullSettings, Long> {
}
