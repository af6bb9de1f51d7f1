package dev.adapthub.core.bootstrap;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo content the default profile starts with. Each item is created only when
 * missing, so a restart (or a crash half way) never duplicates anything.
 */
@Component
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    static final List<NewOrganization> ORGANIZATIONS = List.of(
            new NewOrganization("meta-llama", "Meta Llama", "Llama model family."),
            new NewOrganization("Qwen", "Qwen", "Qwen model family from Alibaba Cloud."),
            new NewOrganization("deepseek-ai", "DeepSeek", "DeepSeek models, including MLA and MoE architectures."),
            new NewOrganization("mistralai", "Mistral AI", "Mistral and Mixtral models."),
            new NewOrganization("vllm-project", "vLLM", "A high-throughput inference engine, with the vllm-ascend plugin."),
            new NewOrganization("ggml-org", "ggml", "llama.cpp and the GGUF format: inference on CPUs and GPUs."),
            new NewOrganization("ascend-community", "Ascend adapters",
                    "Adaptations of open models to Huawei Ascend NPUs (MindIE, vllm-ascend)."));

    private final OrganizationService organizations;
    private final RepoService repos;
    private final RepoFiles files;
    private final RepoWrites writes;
    private final PullRequestService pulls;

    DemoSeeder(OrganizationService organizations, RepoService repos, RepoFiles files, RepoWrites writes,
            PullRequestService pulls) {
        this.pulls = pulls;
        this.organizations = organizations;
        this.repos = repos;
        this.files = files;
        this.writes = writes;
    }

    public void seed(Account owner) {
        seedOrganizations(owner);
        int created = 0;
        DemoManifest manifest = DemoManifest.load(getClass().getClassLoader());
        for (DemoManifest.DemoRepo demo : manifest.repositories()) {
            if (seedRepository(owner, demo)) {
                created++;
            }
        }
        if (created > 0) {
            log.info("Seeded {} demo repositories.", created);
        }
        seedPullRequests(owner, manifest.pullRequests());
    }

    /**
     * Opens the manifest's proposals (as the admin: the demo has no other account) unless a pull
     * request with the same title exists; their checks run in the background.
     */
    private void seedPullRequests(Account admin, List<DemoManifest.DemoPull> proposals) {
        int opened = 0;
        for (DemoManifest.DemoPull demo : proposals) {
            String[] name = demo.repo().split("/", 2);
            Repo repo = repos.find(RepoKind.MODEL, name[0], name[1], admin).orElse(null);
            if (repo == null || pulls.list(repo, null, null, null).stream().anyMatch(p -> p.title().equals(demo.title()))) {
                continue;
            }
            pulls.openWithChanges(admin, repo, NewPullRequest.of(demo.title(), demo.description()), null,
                    demo.title(), List.of(new FileChange.Put(demo.path(), Content.of(read(demo.resource())))));
            opened++;
        }
        if (opened > 0) {
            log.info("Opened {} demo pull requests; their checks run in the background.", opened);
        }
    }

    /** Creates the repository when missing and gives it its files when it has none (a crash may have left it empty). */
    private boolean seedRepository(Account admin, DemoManifest.DemoRepo demo) {
        Repo repo = repos.find(demo.kind(), demo.owner(), demo.name(), admin)
                .orElseGet(() -> repos.create(admin, new NewRepo(demo.kind(), demo.owner(), demo.name(), false)));
        if (!files.isEmpty(repo)) {
            return false;
        }
        List<FileChange> changes = new ArrayList<>();
        for (String path : demo.files()) {
            changes.add(new FileChange.Put(path, Content.of(read(demo.resource(path)))));
        }
        writes.commit(repo, admin, repo.defaultBranch(), ObjectId.zeroId(), "Seed the demo content", changes);
        return true;
    }

    private byte[] read(String resource) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The demo manifest names " + resource + ", which is missing.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seedOrganizations(Account owner) {
        int created = 0;
        for (NewOrganization organization : ORGANIZATIONS) {
            if (organizations.findByName(organization.name()).isEmpty()) {
                organizations.create(owner.id(), organization);
                created++;
            }
        }
        if (created > 0) {
            log.info("Seeded {} demo organizations.", created);
        }
    }
}
