package dev.adapthub.web.adaptation;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.adaptation.AdaptationValidation;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Model repositories of a test's own, built from the demo's files, indexed by the background job. */
final class AdaptationFixture {

    private AdaptationFixture() {
    }

    static byte[] demoFile(String path) {
        try (InputStream in = AdaptationFixture.class.getClassLoader().getResourceAsStream("demo/repos/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no demo file " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model repository with Qwen2.5-7B's config.json and the given demo files (target path → demo path). */
    static Repo model(RepoService repos, RepoWrites writes, Account owner, String name, boolean privateRepo,
            String... targetAndSource) {
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, name, privateRepo));
        List<FileChange> files = new ArrayList<>();
        files.add(new FileChange.Put("config.json", Content.of(demoFile("Qwen/Qwen2.5-7B-Instruct/config.json"))));
        for (int i = 0; i < targetAndSource.length; i += 2) {
            files.add(new FileChange.Put(targetAndSource[i], Content.of(demoFile(targetAndSource[i + 1]))));
        }
        writes.commit(repo, owner, "main", null, "Model and adaptations", files);
        return repo;
    }

    static AdaptationValidation await(AdaptationIndex index, Repo repo, String path,
            Predicate<AdaptationValidation> until) {
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> index.forRepository(repo).stream()
                .anyMatch(r -> r.path().equals(path) && until.test(r)));
        return index.forRepository(repo).stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }
}
