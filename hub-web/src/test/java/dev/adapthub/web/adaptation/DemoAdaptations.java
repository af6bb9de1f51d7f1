package dev.adapthub.web.adaptation;

import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.adaptation.AdaptationValidation;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** The seeded demo's adaptation configs, waited for (they are indexed at seeding, or by the job when the database was shared). */
final class DemoAdaptations {

    /** Inference configs the demo seeds under the models' {@code adaptations/} folders. */
    static final int CONFIGS = 20;

    private DemoAdaptations() {
    }

    static Repo model(RepoService repos, String fullName) {
        String[] parts = fullName.split("/");
        return repos.find(RepoKind.MODEL, parts[0], parts[1], null).orElseThrow();
    }

    static List<AdaptationValidation> awaitIndexed(AdaptationIndex index, RepoService repos) {
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> demoRows(index, repos).size() >= CONFIGS);
        return demoRows(index, repos);
    }

    static List<AdaptationValidation> demoRows(AdaptationIndex index, RepoService repos) {
        return List.of("meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-7B-Instruct", "Qwen/Qwen2.5-72B-Instruct",
                        "Qwen/Qwen2.5-0.5B-Instruct", "mistralai/Mixtral-8x7B-Instruct-v0.1",
                        "deepseek-ai/DeepSeek-V2-Lite-Chat").stream()
                .flatMap(name -> index.forRepository(model(repos, name)).stream()).toList();
    }
}
