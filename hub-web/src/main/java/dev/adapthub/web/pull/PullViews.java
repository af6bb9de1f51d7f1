package dev.adapthub.web.pull;

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
import dev.adapthub.core.pull.PullEdits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.stereotype.Component;

/** Turns pull requests and their conversation into what the templates show. */
@Component
class PullViews {

    /** A PR with its author's name. */
    record Row(PullRequest pr, String author) {
    }

    /**
     * A conversation entry: who, what, and its Markdown rendered and sanitized; {@code text} is the
     * note of a timeline event (for a review request: who was asked).
     */
    record Entry(PullEvent event, String actor, String html, String text, boolean outdated) {

        public boolean stale(PullRequest pr) {
            return event.kind() == EventKind.REVIEW && event.commitId() != null
                    && !event.commitId().equals(pr.headCommit());
        }
    }

    /**
     * A changed file: its unified diff with the new file's line numbers, the line comments under
     * their lines (and those whose line is not in the diff any more), for inference configs the
     * changed fields, and whether the file is stored with Git LFS.
     */
    record FileView(FileDiff diff, List<NumberedLine> lines, List<ConfigFieldDiff.Change> fields, boolean config,
            boolean lfs, Map<Integer, List<CommentView>> comments, List<CommentView> detached) {
    }

    /** A diff line and its number in the new file (null for deleted lines, hunk and meta lines). */
    record NumberedLine(String kind, String text, Integer line) {
    }

    /** A line comment as shown in "Files changed". */
    record CommentView(PullEdits.LineComment comment, String actor, String html) {
    }

    private final PullRequestService pulls;
    private final PullDiffs diffs;
    private final MarkdownRenderer markdown;
    private final PullEdits edits;

    PullViews(PullRequestService pulls, PullDiffs diffs, MarkdownRenderer markdown, PullEdits edits) {
        this.edits = edits;
        this.pulls = pulls;
        this.diffs = diffs;
        this.markdown = markdown;
    }

    String name(long accountId, Map<Long, String> cache) {
        return cache.computeIfAbsent(accountId, id -> pulls.name(id).orElse("ghost"));
    }

    List<Row> rows(List<PullRequest> prs) {
        Map<Long, String> names = new HashMap<>();
        return prs.stream().map(pr -> new Row(pr, name(pr.authorId(), names))).toList();
    }

    String html(String md) {
        return md == null || md.isBlank() ? "" : markdown.render(md);
    }

    List<Entry> timeline(Repo repo, PullRequest pr) {
        Map<Long, String> names = new HashMap<>();
        Set<Long> outdated = edits.lineComments(repo, pr).stream().filter(PullEdits.LineComment::outdated)
                .map(c -> c.event().id()).collect(Collectors.toSet());
        return pulls.timeline(pr).stream().map(e -> new Entry(e, name(e.actorId(), names),
                e.kind() == EventKind.COMMENT || e.kind() == EventKind.REVIEW || e.kind() == EventKind.LINE_COMMENT
                        ? html(e.body()) : "",
                e.kind() == EventKind.REVIEW_REQUESTED && e.subjectId() != null ? name(e.subjectId(), names)
                        : e.body(),
                outdated.contains(e.id()))).toList();
    }

    List<FileView> files(Repo repo, PullRequest pr, DiffResult diff) {
        Map<Long, String> names = new HashMap<>();
        Map<String, List<CommentView>> byPath = new HashMap<>();
        for (PullEdits.LineComment c : edits.lineComments(repo, pr)) {
            byPath.computeIfAbsent(c.event().path(), p -> new ArrayList<>()).add(new CommentView(c,
                    name(c.event().actorId(), names), html(c.event().body())));
        }
        Optional<ObjectId> base = diffs.mergeBase(repo, pr);
        ObjectId head = ObjectId.fromString(pr.headCommit());
        return diff.files().stream().map(f -> {
            Optional<List<ConfigFieldDiff.Change>> fields = Optional.empty();
            if (!f.binary() && !f.tooLarge() && isYaml(f.path())) {
                fields = ConfigFieldDiff.between(
                        f.oldPath() == null ? null : diffs.text(repo, base.orElse(null), f.oldPath()).orElse(null),
                        f.newPath() == null ? null : diffs.text(repo, head, f.newPath()).orElse(null));
            }
            List<NumberedLine> lines = numbered(DiffLine.parse(f.patch()));
            Set<Integer> shown = lines.stream().map(NumberedLine::line).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            Map<Integer, List<CommentView>> under = new HashMap<>();
            List<CommentView> detached = new ArrayList<>();
            for (CommentView c : byPath.getOrDefault(f.path(), List.of())) {
                if (!c.comment().outdated() && shown.contains(c.comment().event().line())) {
                    under.computeIfAbsent(c.comment().event().line(), l -> new ArrayList<>()).add(c);
                } else {
                    detached.add(c);
                }
            }
            boolean lfs = f.patch() != null && f.patch().contains("+version https://git-lfs.github.com/spec/v1");
            return new FileView(f, lines, fields.orElse(List.of()), fields.isPresent(), lfs, under, detached);
        }).toList();
    }

    /** Numbers the lines of a unified diff as they are in the new file, from each hunk's {@code +start}. */
    static List<NumberedLine> numbered(List<DiffLine> lines) {
        List<NumberedLine> out = new ArrayList<>(lines.size());
        int next = 0;
        for (DiffLine l : lines) {
            Integer number = null;
            switch (l.kind()) {
                case "hunk" -> {
                    Matcher m = HUNK.matcher(l.text());
                    next = m.find() ? Integer.parseInt(m.group(1)) : 0;
                }
                case "add", "ctx" -> number = next > 0 ? next++ : null;
                default -> {
                }
            }
            out.add(new NumberedLine(l.kind(), l.text(), number));
        }
        return out;
    }

    private static final Pattern HUNK = Pattern.compile("^@@ -[0-9,]+ \\+([0-9]+)");

    private static boolean isYaml(String path) {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }
}
