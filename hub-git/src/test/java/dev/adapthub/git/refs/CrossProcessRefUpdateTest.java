package dev.adapthub.git.refs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare-and-swap holds between processes, not only threads: several hub processes share one
 * repository volume, and JGit's ref locks are files ({@code refs/heads/main.lock}, created
 * exclusively, renamed over the ref), so the guarantee must come from the file system. Two JVMs
 * ({@link RefRacer}) each append commits to {@code main} of one bare repository as fast as they
 * can, every write a compare-and-swap on the tip it read; afterwards the first-parent history of
 * {@code main} holds every commit of both, each exactly once. A lost update (a write that moved the
 * ref from a tip other than the one it read) would drop the other process's commit from that
 * chain.
 */
class CrossProcessRefUpdateTest {

    private static final int PER_PROCESS = 150;

    @TempDir
    Path root;

    @Test
    void twoProcessesRacingOnOneRefNeverLoseACommit() throws Exception {
        RepoId id = RepoId.random();
        ObjectId initial;
        try (RepositoryStore store = new RepositoryStore(root)) {
            store.create(id);
            try (Repository repo = store.open(id)) {
                initial = initialCommit(repo);
                new RefUpdater().update(repo, new PersonIdent("test", "test@racer.test"), "initial",
                        RefChange.create("refs/heads/main", initial));
            }
        }
        Path go = root.resolve("go");
        List<Process> racers = new ArrayList<>();
        for (String name : List.of("alpha", "beta")) {
            racers.add(new ProcessBuilder(javaBin(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
                    RefRacer.class.getName(), root.toString(), id.toString(), name, Integer.toString(PER_PROCESS),
                    go.toString()).redirectErrorStream(true).start());
        }
        Thread.sleep(1500); // both JVMs up and waiting: the race starts at one moment
        Files.createFile(go);
        List<String> outputs = new ArrayList<>();
        for (Process racer : racers) {
            assertThat(racer.waitFor(120, TimeUnit.SECONDS)).as("racer finished").isTrue();
            String output = new String(racer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            outputs.add(output.substring(output.lastIndexOf('\n') + 1));
            assertThat(racer.exitValue()).as(output).isZero();
        }
        System.out.println("cross-process ref race: " + outputs);

        List<String> messages = new ArrayList<>();
        try (RepositoryStore store = new RepositoryStore(root); Repository repo = store.open(id);
                RevWalk walk = new RevWalk(repo)) {
            RevCommit at = walk.parseCommit(repo.exactRef("refs/heads/main").getObjectId());
            while (!at.equals(initial)) {
                assertThat(at.getParentCount()).isEqualTo(1);
                messages.add(at.getFullMessage());
                at = walk.parseCommit(at.getParent(0));
            }
        }
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < PER_PROCESS; i++) {
            expected.add("alpha " + i);
            expected.add("beta " + i);
        }
        assertThat(messages).as("main's history: every commit of both processes, once").hasSize(2 * PER_PROCESS)
                .containsExactlyInAnyOrderElementsOf(expected);
        // The test raced if the processes interleaved: some writes must have lost and retried.
        assertThat(outputs).as("lost races, reported by the racers").anyMatch(o -> !o.startsWith("conflicts 0 "));
    }

    private static ObjectId initialCommit(Repository repo) throws java.io.IOException {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId tree = inserter.insert(new org.eclipse.jgit.lib.TreeFormatter());
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            PersonIdent who = new PersonIdent("test", "test@racer.test");
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage("initial");
            ObjectId id = inserter.insert(Constants.OBJ_COMMIT, commit.build());
            inserter.flush();
            return id;
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }
}
