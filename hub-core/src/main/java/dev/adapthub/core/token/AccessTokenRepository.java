package dev.adapthub.core.token;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessTokenRepository extends JpaRepository<AccessToken, Long> {

    Optional<AccessToken> findByTokenHash(String tokenHash);

    List<AccessToken> findByAccountIdOrderByCreatedAtDesc(long accountId);

    long countByAccountIdAndRevokedAtIsNull(long accountId);
}
