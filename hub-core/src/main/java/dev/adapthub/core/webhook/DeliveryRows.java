package dev.adapthub.core.webhook;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeliveryRows extends JpaRepository<Delivery, Long> {

    List<Delivery> findByWebhookIdOrderByIdDesc(long webhookId, Pageable page);
}
