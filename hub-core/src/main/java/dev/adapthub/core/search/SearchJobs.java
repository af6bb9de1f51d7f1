package dev.adapthub.core.search;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps search documents current in the background (db-scheduler: one process at a time runs it): a
 * search also rebuilds the first {@value SearchDocuments#CATCH_UP_PER_SEARCH} moved repositories itself,
 * so results follow a push at once on small hubs and within {@link #EVERY} on large ones.
 */
@Configuration
class SearchJobs {

    static final Duration EVERY = Duration.ofSeconds(30);
    static final int PER_RUN = 500;

    @Bean
    RecurringTask<Void> searchIndexTask(SearchDocuments documents) {
        return Tasks.recurring("search-index", Schedules.fixedDelay(EVERY))
                .execute((instance, context) -> documents.catchUp(PER_RUN));
    }
}
