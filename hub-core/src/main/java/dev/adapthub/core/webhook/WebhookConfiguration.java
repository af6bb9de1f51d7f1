package dev.adapthub.core.webhook;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background job that makes one delivery attempt: a db-scheduler one-time task whose data is
 * {@code deliveryId:attempt}. Queued in the database, so a crash or a restart loses no delivery;
 * an attempt interrupted by a crash is made again (receivers de-duplicate on {@code X-Hub-Delivery}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    static final String TASK = "webhook-delivery";

    @Bean
    OneTimeTask<String> webhookDeliveryTask(DeliveryExecutor executor) {
        return Tasks.oneTime(TASK, String.class).execute((instance, context) -> {
            String[] parts = instance.getData().split(":");
            executor.run(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
        });
    }
}
