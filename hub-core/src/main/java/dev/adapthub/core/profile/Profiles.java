package dev.adapthub.core.profile;

import org.springframework.data.jpa.repository.JpaRepository;

interface Profiles extends JpaRepository<Profile, Long> {
}
