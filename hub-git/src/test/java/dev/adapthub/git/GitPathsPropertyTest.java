package dev.adapthub.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectChecker;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Properties of the path rule, over paths built from the characters that make trouble: dots,
 * spaces, tildes, the letters of "git" in both cases and as look-alikes, invisible code points,
 * combining marks, slashes.
 */
class GitPathsPropertyTest {

    /** Code points some file system or renderer ignores: HFS+'s set, zero-width and bidi controls, tags. */
    static final List<String> IGNORABLES = List.of("\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A",
            "\u202E", "\u2060", "\u2063", "\u206A", "\u206F", "\uFEFF", "\u00AD", "\u034F", "\u180E", "\uFE0F",
            "\u3164", "\uFFA0", new String(Character.toChars(0xE0001)), new String(Character.toChars(0x1D173)));

    static final List<String> PIECES = List.of(".", ".", ".", " ", "~", "1", "2", "g", "i", "t", "G", "I", "T",
            "git", ".git", "GIT", "modules", "a", "x", "/", "/", "\u0131", "\u0130", "\uFF47", "\uFF0E", "\u0307",
            "\u0301", "e\u0301", ":", "-", "_", "\u200D", "\u200C", "\u200B", "\uFEFF", "\u00AD", "\u2060", "\u202E");

    /** What a file system might make of a name: each alone, and all in sequence. */
    static final List<UnaryOperator<String>> OS_VIEWS = List.of(
            s -> s.toLowerCase(Locale.ROOT),
            s -> s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT),
            s -> Normalizer.normalize(s, Normalizer.Form.NFC),
            s -> Normalizer.normalize(s, Normalizer.Form.NFD),
            s -> Normalizer.normalize(s, Normalizer.Form.NFKC),
            s -> s.codePoints().filter(cp -> !GitPaths.isIgnorable(cp))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString(),
            s -> s.replaceAll("[. ]+$", ""));

    static InMemoryRepository repo;

    @BeforeContainer
    static void openRepository() {
        repo = new InMemoryRepository(new DfsRepositoryDescription("paths"));
    }

    @AfterContainer
    static void closeRepository() {
        repo.close();
    }

    @Provide
    Arbitrary<String> troublePaths() {
        return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(10).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> dotGitSpellings() {
        Arbitrary<String> letters = Arbitraries.of(".git", ".GIT", ".Git", ".gIt", ".giT", ".g\u0131t", "\uFF0Egit",
                ".\uFF47it", "git~1", "GIT~1", "Git~1");
        Arbitrary<List<String>> inserts = Arbitraries.of(IGNORABLES).list().ofMinSize(0).ofMaxSize(3);
        Arbitrary<String> tail = Arbitraries.of(".", " ").list().ofMaxSize(4).map(t -> String.join("", t));
        return Combinators.combine(letters, inserts, tail, Arbitraries.integers().between(0, 1000))
                .as((word, ignorables, trailing, seed) -> {
                    StringBuilder name = new StringBuilder(word);
                    int at = seed;
                    for (String ignorable : ignorables) {
                        at = at * 31 + 7;
                        name.insert(Math.floorMod(at, name.length() + 1), ignorable);
                    }
                    return name + trailing;
                });
    }

    @Property
    void everySpellingOfDotGitIsRefusedWhereverItStands(@ForAll("dotGitSpellings") String name,
            @ForAll("troublePaths") String around) {
        assertThatThrownBy(() -> GitPaths.normalizeNewFile(name + "/config")).isInstanceOf(GitInvalidInputException.class);
        assertThatThrownBy(() -> GitPaths.normalizeNewFile("models/" + name + "/hooks/x"))
                .isInstanceOf(GitInvalidInputException.class);
        assertThatThrownBy(() -> GitPaths.normalizeNewFile("x" + around.replace("/", "") + "/" + name))
                .isInstanceOf(GitInvalidInputException.class);
        assertThat(GitPaths.nameProblem(name)).isPresent();
    }

    @Property(tries = 2000, maxDiscardRatio = 20)
    void anAcceptedPathHoldsNoDotGitSegmentUnderAnyViewAFileSystemTakes(@ForAll("troublePaths") String path) {
        String accepted = acceptedOrNull(path);
        Assume.that(accepted != null);
        for (String segment : accepted.split("/")) {
            for (String view : views(segment)) {
                assertThat(view).as("a view of %s", segment).isNotEqualToIgnoringCase(".git")
                        .doesNotMatch("(?i)git~[0-9]");
            }
            byte[] raw = segment.getBytes(StandardCharsets.UTF_8);
            assertThatCode(raw);
        }
    }

    @Property
    void normalizeIsIdempotent(@ForAll("troublePaths") String path) throws Exception {
        String once;
        try {
            once = GitPaths.normalize(path);
        } catch (GitInvalidInputException refused) {
            return;
        }
        assertThat(GitPaths.normalize(once)).isEqualTo(once);
        String created = acceptedOrNull(once);
        if (created != null) {
            assertThat(GitPaths.normalizeNewFile(created)).isEqualTo(created);
        }
    }

    @Property(maxDiscardRatio = 20)
    void anAcceptedPathRoundTripsThroughAJGitTreeThatJGitsCheckerAccepts(@ForAll("troublePaths") String path)
            throws Exception {
        String accepted = acceptedOrNull(path);
        Assume.that(accepted != null);
        DirCache index = DirCache.newInCore();
        try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, new byte[] {1});
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(accepted) {
                @Override
                public void apply(DirCacheEntry ent) {
                    ent.setFileMode(FileMode.REGULAR_FILE);
                    ent.setObjectId(blob);
                }
            });
            editor.finish();
            ObjectId tree = index.writeTree(inserter);
            inserter.flush();
            ObjectChecker checker = new ObjectChecker().setSafeForWindows(true).setSafeForMacOS(true);
            checker.checkTree(tree, reader.open(tree, Constants.OBJ_TREE).getCachedBytes());
            List<String> read = new ArrayList<>();
            try (TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(tree);
                while (walk.next()) {
                    if (walk.isSubtree()) {
                        checker.checkTree(walk.getObjectId(0),
                                reader.open(walk.getObjectId(0), Constants.OBJ_TREE).getCachedBytes());
                        walk.enterSubtree();
                    } else {
                        read.add(walk.getPathString());
                    }
                }
            }
            assertThat(read).containsExactly(accepted);
        }
    }

    private static void assertThatCode(byte[] segment) {
        try {
            new ObjectChecker().setSafeForWindows(true).setSafeForMacOS(true).checkPathSegment(segment, 0, segment.length);
        } catch (Exception e) {
            throw new AssertionError("JGit refuses a name the hub accepted: " + e.getMessage(), e);
        }
    }

    private static List<String> views(String segment) {
        List<String> views = new ArrayList<>(List.of(segment));
        String all = segment;
        for (UnaryOperator<String> view : OS_VIEWS) {
            views.add(view.apply(segment));
            all = view.apply(all);
        }
        views.add(all);
        return views;
    }

    private static String acceptedOrNull(String path) {
        try {
            return GitPaths.normalizeNewFile(path);
        } catch (GitInvalidInputException refused) {
            return null;
        }
    }
}
