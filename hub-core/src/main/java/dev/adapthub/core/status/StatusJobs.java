package dev.adapthub.core.status;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Records the components' states every minute: a db-scheduler recurring task, so one hub process
 * at a time runs it however many share the database (and the minute key refuses a duplicate).
 */
@Configuration(proxyBeanMethods = false)
class StatusJobs {

    static final String PROBE = "status-probe";

    @Bean
    RecurringTask<Void> statusProbeTask(StatusProbes probes) {
        return Tasks.recurring(PROBE, Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> probes.record());
    }
}
