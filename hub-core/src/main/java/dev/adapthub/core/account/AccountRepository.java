package dev.adapthub.core.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByNameLower(String nameLower);

    boolean existsByAdminTrue();
}
