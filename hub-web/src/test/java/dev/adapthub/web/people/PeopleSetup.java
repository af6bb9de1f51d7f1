package dev.adapthub.web.people;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.account.Registration;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.lib.ObjectId;

/** Accounts with their own e-mail addresses, repositories with content, pull requests: through the real services. */
final class PeopleSetup {

    static final String DEMO = "demo/repos/meta-llama/Llama-3.1-8B-Instruct/";
    static final String CONFIG = "adaptations/ascend-910b3-vllm-ascend.yaml";

    private PeopleSetup() {
    }

    static Account account(AccountService accounts, String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 6);
        return accounts.register(new Registration(name, name + "@example.org", "a long password"));
    }

    /** A model repository of {@code owner} with a README, the demo model config and one inference config. */
    static Repo repo(RepoService repos, RepoWrites writes, Account owner, boolean privateRepo) {
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "m-" + UUID.randomUUID().toString()
                .substring(0, 6), privateRepo));
        writes.commit(repo, owner, "main", ObjectId.zeroId(), "Seed", List.of(
                new FileChange.Put("README.md", Content.of("# A model\n".getBytes(StandardCharsets.UTF_8))),
                new FileChange.Put("config.json", Content.of(demo("config.json"))),
                new FileChange.Put(CONFIG, Content.of(demo(CONFIG)))));
        return repo;
    }

    static PullRequest readmePull(PullRequestService pulls, Account author, Repo repo, String title) {
        return pulls.openWithChanges(author, repo, NewPullRequest.of(title, ""), null, title, List.of(
                new FileChange.Put("README.md", Content.of(("# " + title + "\n").getBytes(StandardCharsets.UTF_8)))));
    }

    static byte[] demo(String path) {
        try (InputStream in = PeopleSetup.class.getClassLoader().getResourceAsStream(DEMO + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
