package dev.adapthub.core.webhook;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookRows extends JpaRepository<Webhook, Long> {

    List<Webhook> findByRepositoryIdOrderByIdAsc(long repositoryId);

    List<Webhook> findByOrganizationIdOrderByIdAsc(long organizationId);
}
