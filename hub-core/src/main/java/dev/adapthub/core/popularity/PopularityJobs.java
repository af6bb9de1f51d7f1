package dev.adapthub.core.popularity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hourly, in one hub process at a time (db-scheduler): counts move as days pass without new downloads. */
@Configuration(proxyBeanMethods = false)
class PopularityJobs {

    static final String REFRESH = "popularity-refresh";

    @Bean
    RecurringTask<Void> popularityRefreshTask(Popularity popularity) {
        return Tasks.recurring(REFRESH, Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> popularity.refreshAll());
    }
}
