package dev.adapthub.core.adaptation;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The index's background jobs on the database queue (db-scheduler): {@value #REINDEX} validates
 * one repository's configs again (one pending job per repository: scheduling it twice runs it
 * once), and {@value #CHECK} looks for stale or out-of-date rows at start and every
 * {@link #CHECK_EVERY}, so a new backend or catalog version is picked up without a push.
 */
@Configuration
class AdaptationJobs {

    static final String REINDEX = "adaptation-reindex";
    static final String CHECK = "adaptation-check";
    static final TaskDescriptor<String> REINDEX_TASK = TaskDescriptor.of(REINDEX, String.class);
    static final Duration CHECK_EVERY = Duration.ofMinutes(10);
    /** A reindex that finds the branch moved while it ran goes again, at most this often. */
    static final int MAX_ROUNDS = 3;

    private static final Logger log = LoggerFactory.getLogger(AdaptationJobs.class);

    @Bean
    OneTimeTask<String> adaptationReindexTask(AdaptationCatchUp catchUp) {
        return Tasks.oneTime(REINDEX_TASK).execute((instance, context) -> {
            long id = Long.parseLong(instance.getData());
            for (int round = 0; round < MAX_ROUNDS && catchUp.reindexUntilCurrent(id); round++) {
                log.debug("Repository {} moved during its re-validation; going again", id);
            }
        });
    }

    @Bean
    RecurringTask<Void> adaptationCheckTask(AdaptationRefresh refresh) {
        return Tasks.recurring(CHECK, Schedules.fixedDelay(CHECK_EVERY))
                .execute((instance, context) -> refresh.scheduleOutOfDate());
    }

    /** Schedules a re-validation of a repository now, unless one is pending. */
    static void schedule(SchedulerClient client, long repositoryId) {
        client.scheduleIfNotExists(REINDEX_TASK.instance("repo-" + repositoryId).data(Long.toString(repositoryId))
                .build(), Instant.now());
    }
}
