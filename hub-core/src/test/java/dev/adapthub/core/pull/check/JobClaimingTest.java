package dev.adapthub.core.pull.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.adapthub.core.CoreIntegrationTest;
import dev.adapthub.core.CoreTestApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several hub processes share the check jobs on PostgreSQL: two more schedulers on the same
 * table (as two other hub processes would run them) claim 40 queued jobs between them, and each
 * job runs exactly once.
 */
@CoreIntegrationTest
@DirtiesContext // its own context: close it afterwards so its connections do not add up on a shared server
class JobClaimingTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        CoreTestApplication.postgres(registry);
    }

    @Autowired DataSource dataSource;
    @Autowired Scheduler hubScheduler;

    @Test
    void twoProcessesClaimQueuedJobsBetweenThemAndRunEachOnce() {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perProcess = new ConcurrentHashMap<>();
        List<Scheduler> processes = List.of(process("a", runs, perProcess), process("b", runs, perProcess));
        hubScheduler.pause();
        try {
            SchedulerClient client = SchedulerClient.Builder.create(dataSource, task("queue", runs, perProcess)).build();
            for (int i = 0; i < 40; i++) {
                client.scheduleIfNotExists(task("queue", runs, perProcess).instance("job-" + i, "job-" + i),
                        Instant.now());
            }
            processes.forEach(Scheduler::start);

            Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> runs.size() == 40);
            Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        } finally {
            processes.forEach(Scheduler::stop);
            hubScheduler.resume();
        }
        assertThat(runs).hasSize(40);
        assertThat(runs.values()).allMatch(count -> count.get() == 1);
        assertThat(perProcess.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(40);
        // Each process claims at most a batch at a time, so both get a share of 40 queued jobs.
        assertThat(perProcess).as("jobs run per process: %s", perProcess).containsKeys("a", "b");
    }

    private Scheduler process(String name, Map<String, AtomicInteger> runs, Map<String, AtomicInteger> perProcess) {
        return Scheduler.create(dataSource, task(name, runs, perProcess))
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("process-" + name))
                .threads(3)
                .pollingInterval(Duration.ofMillis(200))
                .registerShutdownHook()
                .build();
    }

    private static OneTimeTask<String> task(String process, Map<String, AtomicInteger> runs,
            Map<String, AtomicInteger> perProcess) {
        return Tasks.oneTime("claim-test", String.class).execute((instance, context) -> {
            runs.computeIfAbsent(instance.getData(), k -> new AtomicInteger()).incrementAndGet();
            perProcess.computeIfAbsent(process, k -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
