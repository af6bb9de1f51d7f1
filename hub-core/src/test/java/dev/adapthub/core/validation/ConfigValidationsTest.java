package dev.adapthub.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.chips.validate.ValidationReport.Verdict;
import dev.adapthub.core.CoreIntegrationTest;
import dev.adapthub.core.CoreTestApplication;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.account.Registration;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RefsMoved;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.FileChange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Validating the inference configs of a real repository at commits, with the real chip backends. */
@CoreIntegrationTest
@RecordApplicationEvents
class ConfigValidationsTest {

    private static final String DEMO = "demo/repos/meta-llama/Llama-3.1-8B-Instruct/";

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        CoreTestApplication.postgres(registry);
    }

    @Autowired ConfigValidations validations;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired AccountService accounts;
    @Autowired ApplicationEvents events;

    private Account owner;
    private Repo repo;
    private ObjectId first;

    @BeforeEach
    void aModelWithOneConfig() throws IOException {
        owner = accounts.register(new Registration("v" + UUID.randomUUID().toString().substring(0, 8),
                "v@example.org", "a long password"));
        repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "llama", false));
        first = writes.commit(repo, owner, "main", null, "model and one config", List.of(
                FileChange.put("config.json", demo("config.json")),
                FileChange.put("README.md", "# Llama\n"),
                FileChange.put("adaptations/a100.yaml", demo("adaptations/nvidia-a100-80g-sxm-vllm.yaml")),
                FileChange.put("other/settings.yaml", "kind: Something\nvalue: 1\n"))).commitId();
    }

    private static String demo(String path) throws IOException {
        try (InputStream in = ConfigValidationsTest.class.getClassLoader().getResourceAsStream(DEMO + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void findsOnlyInferenceConfigsAndValidatesThemWithTheModelOfTheSameCommit() {
        assertThat(validations.configPaths(repo, first)).containsExactly("adaptations/a100.yaml");

        ConfigValidation result = validations.validate(repo, first, "adaptations/a100.yaml");

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.passed()).isTrue();
        assertThat(result.chip()).isEqualTo("nvidia-a100-80g-sxm");
        assertThat(result.engine()).isEqualTo("vllm");
        assertThat(result.backendId()).isNotEmpty();
        assertThat(result.catalogVersion()).isPositive();
        assertThat(result.commitId()).isEqualTo(first.name());
        assertThat(result.model().repo()).isEqualTo(repo.fullName());
        assertThat(result.model().path()).isEqualTo("config.json");
        assertThat(result.reportJson()).contains("\"verdict\" : \"PASS\"");
        assertThat(result.reportDigest()).isEqualTo(ConfigValidations.sha256(result.reportJson())).hasSize(64);
    }

    @Test
    void listsTheConfigsACommitAddsOrChangesButNotOtherFilesOrDeletions() throws IOException {
        ObjectId second = writes.commit(repo, owner, "main", first, "tune and add", List.of(
                FileChange.put("adaptations/a100.yaml", demo("adaptations/nvidia-a100-80g-sxm-vllm.yaml")
                        .replace("maxNumSeqs: ", "maxNumSeqs: 1")),
                FileChange.put("adaptations/4090.yml", demo("adaptations/nvidia-rtx-4090-vllm.yaml")),
                FileChange.put("other/settings.yaml", "kind: Something\nvalue: 2\n"),
                FileChange.put("README.md", "# Llama 3.1\n"))).commitId();

        assertThat(validations.changedConfigPaths(repo, first, second))
                .containsExactly("adaptations/4090.yml", "adaptations/a100.yaml");
        assertThat(validations.changedConfigPaths(repo, second, second)).isEmpty();
    }

    @Test
    void validatesAgainstAnotherChipWhenAsked() {
        ConfigValidation on310p = validations.validate(repo, first, "adaptations/a100.yaml", "ascend-310p");

        assertThat(on310p.chip()).isEqualTo("ascend-310p");
        assertThat(on310p.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(on310p.report().findings()).anySatisfy(f -> assertThat(f.message()).contains("does not run on ascend-310p"));
    }

    @Test
    void aModelPathThatLeavesTheRepositoryFailsTheConfigWithAHint() {
        ObjectId bad = writes.commit(repo, owner, "main", first, "escape", List.of(FileChange.put("adaptations/x.yaml",
                "apiVersion: adapthub/v1\nkind: InferenceConfig\nmodel: {config: ../../../etc/passwd}\n"
                        + "target: {chip: nvidia-a100-80g-sxm, devices: 1}\nengine: {name: vllm, version: \"0.10.1\"}\n")))
                .commitId();

        ConfigValidation result = validations.validate(repo, bad, "adaptations/x.yaml");

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.model()).isNull();
        assertThat(result.report().findings()).anySatisfy(f -> assertThat(f.message()).contains("outside the repository"));
    }

    @Test
    void aModelRepositoryMustBePublicSoAReportLeaksNeitherAPrivateModelNorThatItExists() throws IOException {
        Repo secret = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "secret-model", true));
        writes.commit(secret, owner, "main", null, "private weights", List.of(FileChange.put("config.json",
                demo("config.json"))));
        String probe = "apiVersion: adapthub/v1\nkind: InferenceConfig\nmodel: {repo: %s}\n"
                + "target: {chip: nvidia-a100-80g-sxm, devices: 1}\nengine: {name: vllm, version: \"0.10.1\"}\n";
        ObjectId head = writes.commit(repo, owner, "main", first, "probes", List.of(
                FileChange.put("adaptations/private.yaml", probe.formatted(secret.fullName())),
                FileChange.put("adaptations/missing.yaml", probe.formatted(owner.name() + "/no-such-model"))))
                .commitId();

        ConfigValidation toPrivate = validations.validate(repo, head, "adaptations/private.yaml");
        ConfigValidation toMissing = validations.validate(repo, head, "adaptations/missing.yaml");

        assertThat(toPrivate.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(toPrivate.model()).isNull();
        assertThat(toPrivate.report().findings()).extracting(f -> f.message().replace(secret.fullName(), "X"))
                .isEqualTo(toMissing.report().findings().stream()
                        .map(f -> f.message().replace(owner.name() + "/no-such-model", "X")).toList());
    }

    @Test
    void refusesFilesThatAreNotConfigsAndPathsThatDoNotExist() {
        assertThatThrownBy(() -> validations.validate(repo, first, "other/settings.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an inference config");
        assertThatThrownBy(() -> validations.validate(repo, first, "adaptations/missing.yaml"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aHubCommitAnnouncesTheRefItMoved() {
        assertThat(events.stream(RefsMoved.class))
                .anySatisfy(e -> {
                    assertThat(e.repoId()).isEqualTo(repo.id());
                    assertThat(e.actor()).isEqualTo(owner.name());
                    assertThat(e.moves()).containsExactly(new RefsMoved.Move("refs/heads/main", ObjectId.zeroId(), first));
                });
    }
}
