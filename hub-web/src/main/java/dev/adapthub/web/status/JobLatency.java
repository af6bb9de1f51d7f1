package dev.adapthub.web.status;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * {@code adapthub_jobs_latency_seconds{task}}: how long each job waited between being due and being
 * started by a worker of this process (db-scheduler hands its listeners to every execution).
 */
@Component
class JobLatency extends AbstractSchedulerListener {

    private final MeterRegistry registry;

    JobLatency(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onExecutionStart(CurrentlyExecuting executing) {
        Instant due = executing.getExecution().executionTime;
        Duration waited = Duration.between(due, Instant.now());
        Timer.builder("adapthub.jobs.latency").description("time from due to started")
                .tag("task", executing.getTaskInstance().getTaskName())
                .register(registry).record(waited.isNegative() ? Duration.ZERO : waited);
    }
}
