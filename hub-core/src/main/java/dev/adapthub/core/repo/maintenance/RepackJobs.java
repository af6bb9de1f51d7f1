package dev.adapthub.core.repo.maintenance;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.adapthub.git.maintenance.Repacker;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background job {@value #TASK} on the shared database queue (db-scheduler): repacks one
 * repository, whose storage id is both the job's data and (prefixed) its instance id. One
 * instance per repository exists at a time, so two hub processes never repack one repository
 * at once; {@link Repacks} runs one repack at a time per process and puts a job that finds
 * another repack running back on the queue for {@link #WAIT}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RepackSettings.class)
class RepackJobs {

    static final String TASK = "git-repack";
    static final TaskDescriptor<String> REPACK = TaskDescriptor.of(TASK, String.class);
    static final Duration WAIT = Duration.ofSeconds(15);

    @Bean
    Repacker repacker() {
        return new Repacker();
    }

    @Bean
    CustomTask<String> gitRepackTask(Repacks repacks) {
        return Tasks.custom(REPACK).execute((instance, context) -> {
            if (repacks.runExclusively(instance.getData())) {
                return new CompletionHandler.OnCompleteRemove<>();
            }
            return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(WAIT));
        });
    }

    static String instanceId(String storageId) {
        return "repo-" + storageId;
    }
}
