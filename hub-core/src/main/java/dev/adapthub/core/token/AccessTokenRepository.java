package dev.adapthub.core.token;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccessTokenRepository extends JpaRepository<AccessToken, Long> {

    Optional<AccessToken> findByTokenHash(String tokenHash);

    List<AccessToken> findByAccountIdOrderByCreatedAtDesc(long accountId);

    Page<AccessToken> findByAccountIdOrderByCreatedAtDescIdDesc(long accountId, Pageable page);

    long countByAccountIdAndRevokedAtIsNull(long accountId);
}
