package dev.adapthub.git.read;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitStorageException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.RawParseUtils;

/** Unified diffs for commit pages and pull requests, within {@link DiffLimits}. */
public final class Diffs {

    private Diffs() {
    }

    /** The commit and its diff against its first parent. */
    public static CommitDetail commit(Repository repo, ObjectId commitId, DiffLimits limits) throws GitException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(commitId);
            ObjectId parentTree = commit.getParentCount() == 0 ? null
                    : walk.parseCommit(commit.getParent(0)).getTree();
            return new CommitDetail(CommitInfo.of(commit), diffTrees(repo, parentTree, commit.getTree(), limits));
        } catch (MissingObjectException e) {
            throw new GitNotFoundException("no commit " + commitId.name() + " in this repository");
        } catch (IOException e) {
            throw new GitStorageException("could not diff commit " + commitId.name(), e);
        }
    }

    /**
     * What {@code head} changes relative to {@code base} (tree against tree). For a pull request
     * pass the merge base of target and source as {@code base}, so the target's later commits do
     * not show up as reverted.
     */
    public static DiffResult between(Repository repo, ObjectId base, ObjectId head, DiffLimits limits)
            throws GitException {
        try (RevWalk walk = new RevWalk(repo)) {
            return diffTrees(repo, walk.parseCommit(base).getTree(), walk.parseCommit(head).getTree(), limits);
        } catch (MissingObjectException e) {
            throw new GitNotFoundException("no commit " + e.getObjectId().name() + " in this repository");
        } catch (IOException e) {
            throw new GitStorageException("could not diff " + base.name() + ".." + head.name(), e);
        }
    }

    private static DiffResult diffTrees(Repository repo, ObjectId oldTree, ObjectId newTree, DiffLimits limits)
            throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectReader reader = repo.newObjectReader(); DiffFormatter formatter = new DiffFormatter(buffer)) {
            formatter.setReader(reader, repo.getConfig());
            formatter.setDiffComparator(RawTextComparator.DEFAULT);
            formatter.setContext(limits.contextLines());
            formatter.setDetectRenames(true);
            List<DiffEntry> entries = formatter.scan(oldTree, newTree);
            List<FileDiff> files = new ArrayList<>();
            boolean truncated = entries.size() > limits.maxFiles();
            long budget = limits.maxTotalPatchBytes();
            for (DiffEntry entry : entries.subList(0, Math.min(entries.size(), limits.maxFiles()))) {
                FileDiff diff = fileDiff(reader, formatter, buffer, entry, limits, budget);
                budget -= diff.patch().length();
                truncated |= diff.truncated();
                files.add(diff);
            }
            return new DiffResult(files, entries.size(), truncated);
        }
    }

    private static FileDiff fileDiff(ObjectReader reader, DiffFormatter formatter, ByteArrayOutputStream buffer,
            DiffEntry entry, DiffLimits limits, long budget) throws IOException {
        String oldPath = entry.getChangeType() == DiffEntry.ChangeType.ADD ? null : entry.getOldPath();
        String newPath = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? null : entry.getNewPath();
        ObjectId oldId = entry.getOldId().toObjectId();
        ObjectId newId = entry.getNewId().toObjectId();
        if (Math.max(blobSize(reader, entry.getOldId().toObjectId()), blobSize(reader, newId)) > limits.maxBlobBytes()) {
            return new FileDiff(entry.getChangeType(), oldPath, newPath, oldId, newId, false, true, "", true, 0, 0);
        }
        buffer.reset();
        formatter.format(entry);
        formatter.flush();
        byte[] raw = buffer.toByteArray();
        PatchStats stats = PatchStats.of(raw);
        int cap = (int) Math.max(0, Math.min(limits.maxPatchBytesPerFile(), budget));
        String patch;
        boolean cut = raw.length > cap;
        if (cut) {
            int end = cap;
            while (end > 0 && raw[end - 1] != '\n') {
                end--;
            }
            patch = RawParseUtils.decode(raw, 0, end);
        } else {
            patch = RawParseUtils.decode(raw);
        }
        return new FileDiff(entry.getChangeType(), oldPath, newPath, oldId, newId, stats.binary(), false, patch, cut,
                stats.additions(), stats.deletions());
    }

    private static long blobSize(ObjectReader reader, ObjectId id) throws IOException {
        return ObjectId.zeroId().equals(id) || !reader.has(id) ? 0 : reader.getObjectSize(id, Constants.OBJ_BLOB);
    }

    /** Counts from a formatted single-file patch. */
    private record PatchStats(boolean binary, int additions, int deletions) {
        static PatchStats of(byte[] patch) {
            boolean inHunks = false;
            boolean binary = false;
            int additions = 0;
            int deletions = 0;
            int line = 0;
            while (line < patch.length) {
                int next = RawParseUtils.nextLF(patch, line);
                byte first = patch[line];
                if (!inHunks) {
                    if (first == '@' && next - line > 2 && patch[line + 1] == '@') {
                        inHunks = true;
                    } else if (RawParseUtils.match(patch, line, BINARY) > 0) {
                        binary = true;
                    }
                } else if (first == '+') {
                    additions++;
                } else if (first == '-') {
                    deletions++;
                }
                line = next;
            }
            return new PatchStats(binary, additions, deletions);
        }

        private static final byte[] BINARY = Constants.encodeASCII("Binary files ");
    }
}
