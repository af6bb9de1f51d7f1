package dev.adapthub.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.adapthub.core.CoreIntegrationTest;
import dev.adapthub.core.CoreTestApplication;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The job queue (db-scheduler on the V4 table) runs on PostgreSQL: a job scheduled for now runs
 * once, with its data, and leaves the table; a job scheduled twice under one id runs once.
 */
@CoreIntegrationTest
@Import(JobQueueTest.Jobs.class)
class JobQueueTest {

    static final List<String> RAN = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Jobs {
        @Bean
        OneTimeTask<String> echo() {
            return Tasks.oneTime("test-echo", String.class).execute((instance, context) -> RAN.add(instance.getData()));
        }
    }

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        CoreTestApplication.postgres(registry);
    }

    @Autowired SchedulerClient scheduler;
    @Autowired OneTimeTask<String> echo;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aScheduledJobRunsOnceWithItsDataAndLeavesTheQueue() {
        boolean first = scheduler.scheduleIfNotExists(echo.instance("job-1", "hello"), Instant.now());
        boolean again = scheduler.scheduleIfNotExists(echo.instance("job-1", "hello again"), Instant.now());

        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> RAN.contains("hello"));
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> jdbc.queryForObject(
                "select count(*) from scheduled_tasks where task_name = 'test-echo'", Integer.class) == 0);
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(RAN).containsExactly("hello");
    }
}
