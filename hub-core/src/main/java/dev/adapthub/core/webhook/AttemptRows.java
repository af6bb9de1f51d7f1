package dev.adapthub.core.webhook;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AttemptRows extends JpaRepository<Attempt, Long> {

    List<Attempt> findByDeliveryIdOrderByAttemptAsc(long deliveryId);
}
