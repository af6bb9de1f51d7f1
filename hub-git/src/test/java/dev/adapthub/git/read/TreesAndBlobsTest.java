package dev.adapthub.git.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsPointerFile;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

class TreesAndBlobsTest {
    final ReadFixture f;
    final RevCommit commit;

    TreesAndBlobsTest() throws Exception {
        f = new ReadFixture();
        commit = f.git.branch("main").commit()
                .add("README.md", "# Model\n")
                .add("configs/npu.yaml", "target: npu\n")
                .add("configs/deep/gpu.yaml", "target: gpu\n")
                .add("weights.bin", ReadFixture.POINTER)
                .add("image.png", f.git.blob(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1}))
                .create();
    }

    @Test
    void listsRootWithKindsSizesIdsAndLfsPointers() throws Exception {
        TreeListing listing = Trees.list(f.repo, commit, "", false, 100);

        assertThat(listing.truncated()).isFalse();
        assertThat(listing.entries()).extracting(TreeEntry::path)
                .containsExactly("README.md", "configs", "image.png", "weights.bin");
        TreeEntry readme = listing.entries().get(0);
        assertThat(readme.kind()).isEqualTo(TreeEntry.Kind.FILE);
        assertThat(readme.modeString()).isEqualTo("100644");
        assertThat(readme.size()).isEqualTo(8);
        assertThat(readme.id()).isEqualTo(f.git.blob("# Model\n"));
        assertThat(readme.lfs()).isEmpty();
        TreeEntry configs = listing.entries().get(1);
        assertThat(configs.kind()).isEqualTo(TreeEntry.Kind.FOLDER);
        assertThat(configs.size()).isEqualTo(-1);
        assertThat(configs.mode()).isEqualTo(FileMode.TREE.getBits());
        TreeEntry weights = listing.entries().get(3);
        assertThat(weights.lfs()).contains(new LfsPointerFile(
                new LfsOid("4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393"), 12345));
        assertThat(weights.contentSize()).isEqualTo(12345);
    }

    @Test
    void listsSubfoldersRecursivelyWithFullPathsAndCapsTheListing() throws Exception {
        assertThat(Trees.list(f.repo, commit, "configs", true, 100).entries()).extracting(TreeEntry::path)
                .containsExactly("configs/deep/gpu.yaml", "configs/npu.yaml");
        assertThat(Trees.list(f.repo, commit, "configs/", false, 100).entries()).extracting(TreeEntry::name)
                .containsExactly("deep", "npu.yaml");
        TreeListing capped = Trees.list(f.repo, commit, "", true, 2);
        assertThat(capped.entries()).hasSize(2);
        assertThat(capped.truncated()).isTrue();
    }

    @Test
    void recursivePagesWalkEveryFileOnceWithSizesAndCountThemAll() throws Exception {
        TreePage first = Trees.page(f.repo, commit, "", true, 0, 3);
        TreePage rest = Trees.page(f.repo, commit, "", true, 3, 3);

        assertThat(first.total()).isEqualTo(5);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.entries()).extracting(TreeEntry::path)
                .containsExactly("README.md", "configs/deep/gpu.yaml", "configs/npu.yaml");
        assertThat(rest.entries()).extracting(TreeEntry::path).containsExactly("image.png", "weights.bin");
        assertThat(rest.hasMore()).isFalse();
        assertThat(first.entries().get(1).size()).isEqualTo("target: gpu\n".length());
        assertThat(rest.entries().get(1).contentSize()).isEqualTo(12345);
        assertThat(Trees.page(f.repo, commit, "configs", true, 0, 10).entries()).extracting(TreeEntry::path)
                .containsExactly("configs/deep/gpu.yaml", "configs/npu.yaml");
    }

    @Test
    void filePathsListFilesAndSymlinksAtAnyDepthWithoutReadingABlob() throws Exception {
        ObjectId absent = ObjectId.fromString("0123456789abcdef0123456789abcdef01234567");
        RevCommit withLinks = f.git.branch("main").commit()
                .edit(entry("link.md", FileMode.SYMLINK, f.git.blob("README.md")))
                .edit(entry("vendor/lib", FileMode.GITLINK, absent))
                .edit(entry("configs/absent.yaml", FileMode.REGULAR_FILE, absent))
                .create();

        PathListing all = Trees.filePaths(f.repo, withLinks, 100);
        PathListing capped = Trees.filePaths(f.repo, withLinks, 2);

        // configs/absent.yaml names a blob the repository does not hold: sizing it would fail.
        assertThatThrownBy(() -> Trees.list(f.repo, withLinks, "", true, 100)).isInstanceOf(GitException.class);
        assertThat(all.truncated()).isFalse();
        assertThat(all.paths()).containsExactly("README.md", "configs/absent.yaml", "configs/deep/gpu.yaml",
                "configs/npu.yaml", "image.png", "link.md", "weights.bin");
        assertThat(capped.paths()).containsExactly("README.md", "configs/absent.yaml");
        assertThat(capped.truncated()).isTrue();
        assertThat(Trees.filePaths(f.repo, commit, 5).truncated()).as("exactly the cap").isFalse();
    }

    private static DirCacheEditor.PathEdit entry(String path, FileMode mode, ObjectId id) {
        return new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry ent) {
                ent.setFileMode(mode);
                ent.setObjectId(id);
            }
        };
    }

    @Test
    void missingFoldersFilesAndTraversalAreRefused() {
        assertThatThrownBy(() -> Trees.list(f.repo, commit, "nope", false, 10)).isInstanceOf(GitNotFoundException.class);
        assertThatThrownBy(() -> Trees.list(f.repo, commit, "README.md", false, 10))
                .isInstanceOf(GitNotFoundException.class).hasMessageContaining("not a folder");
        assertThatThrownBy(() -> Trees.list(f.repo, commit, "configs/../..", false, 10))
                .isInstanceOf(GitInvalidInputException.class);
        assertThatThrownBy(() -> Blobs.open(f.repo, commit, "configs")).isInstanceOf(GitNotFoundException.class)
                .hasMessageContaining("not a file");
        assertThatThrownBy(() -> Blobs.open(f.repo, commit, "/README.md")).isInstanceOf(GitInvalidInputException.class);
        assertThatThrownBy(() -> Trees.list(f.repo, org.eclipse.jgit.lib.ObjectId.fromString("1234567890123456789012345678901234567890"),
                "", false, 10)).isInstanceOf(GitNotFoundException.class);
        assertThatThrownBy(() -> Trees.filePaths(f.repo, ObjectId.fromString("1234567890123456789012345678901234567890"),
                10)).isInstanceOf(GitNotFoundException.class);
    }

    @Test
    void readsBlobsAsStreamsAndDetectsBinary() throws Exception {
        BlobContent text = Blobs.open(f.repo, commit, "configs/npu.yaml");
        assertThat(text.binary()).isFalse();
        assertThat(text.size()).isEqualTo(12);
        try (InputStream in = text.openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("target: npu\n");
        }
        assertThat(Blobs.open(f.repo, commit, "image.png").binary()).isTrue();
        assertThat(Blobs.open(f.repo, commit, "weights.bin").entry().lfs()).isPresent();
        assertThat(Trees.entry(f.repo, commit, "README.md").lfs()).isEqualTo(Optional.empty());
    }
}
