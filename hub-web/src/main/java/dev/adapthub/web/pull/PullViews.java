package dev.adapthub.web.pull;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.pull.ConfigFieldDiff;
import dev.adapthub.core.pull.EventKind;
import dev.adapthub.core.pull.PullDiffs;
import dev.adapthub.core.pull.PullEvent;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.git.read.DiffResult;
import dev.adapthub.git.read.FileDiff;
import dev.adapthub.web.browse.DiffLine;
import dev.adapthub.web.markdown.MarkdownRenderer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.stereotype.Component;

/** Turns pull requests and their conversation into what the templates show. */
@Component
class PullViews {

    /** A PR with its author's name. */
    record Row(PullRequest pr, String author) {
    }

    /** A conversation entry: who, what, and its Markdown rendered and sanitized. */
    record Entry(PullEvent event, String actor, String html, String text) {

        public boolean stale(PullRequest pr) {
            return event.kind() == EventKind.REVIEW && event.commitId() != null
                    && !event.commitId().equals(pr.headCommit());
        }
    }

    /** A changed file: its unified diff and, for inference configs, the changed fields. */
    record FileView(FileDiff diff, List<DiffLine> lines, List<ConfigFieldDiff.Change> fields, boolean config) {
    }

    private final PullRequestService pulls;
    private final PullDiffs diffs;
    private final MarkdownRenderer markdown;

    PullViews(PullRequestService pulls, PullDiffs diffs, MarkdownRenderer markdown) {
        this.pulls = pulls;
        this.diffs = diffs;
        this.markdown = markdown;
    }

    String name(long accountId, Map<Long, String> cache) {
        return cache.computeIfAbsent(accountId, id -> pulls.account(id).map(Account::name).orElse("ghost"));
    }

    List<Row> rows(List<PullRequest> prs) {
        Map<Long, String> names = new HashMap<>();
        return prs.stream().map(pr -> new Row(pr, name(pr.authorId(), names))).toList();
    }

    String html(String md) {
        return md == null || md.isBlank() ? "" : markdown.render(md);
    }

    List<Entry> timeline(PullRequest pr) {
        Map<Long, String> names = new HashMap<>();
        return pulls.timeline(pr).stream().map(e -> new Entry(e, name(e.actorId(), names),
                e.kind() == EventKind.COMMENT || e.kind() == EventKind.REVIEW ? html(e.body()) : "",
                e.body())).toList();
    }

    List<FileView> files(Repo repo, PullRequest pr, DiffResult diff) {
        Optional<ObjectId> base = diffs.mergeBase(repo, pr);
        ObjectId head = ObjectId.fromString(pr.headCommit());
        return diff.files().stream().map(f -> {
            Optional<List<ConfigFieldDiff.Change>> fields = Optional.empty();
            if (!f.binary() && !f.tooLarge() && isYaml(f.path())) {
                fields = ConfigFieldDiff.between(
                        f.oldPath() == null ? null : diffs.text(repo, base.orElse(null), f.oldPath()).orElse(null),
                        f.newPath() == null ? null : diffs.text(repo, head, f.newPath()).orElse(null));
            }
            return new FileView(f, DiffLine.parse(f.patch()), fields.orElse(List.of()), fields.isPresent());
        }).toList();
    }

    private static boolean isYaml(String path) {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }
}
