package dev.adapthub.core.pull.check;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background job that runs one check: a db-scheduler one-time task whose data is the check
 * run's id. Any hub process sharing the database may pick it up; a job survives a restart.
 */
@Configuration(proxyBeanMethods = false)
class CheckJobs {

    static final String TASK = "pull-check";

    @Bean
    OneTimeTask<String> pullCheckTask(CheckExecutor executor) {
        return Tasks.oneTime(TASK, String.class)
                .execute((instance, context) -> executor.run(Long.parseLong(instance.getData())));
    }
}
