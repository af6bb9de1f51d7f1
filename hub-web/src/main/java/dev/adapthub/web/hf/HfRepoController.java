package dev.adapthub.web.hf;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.card.RepoCards;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.git.read.TreeEntry;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Repository info as {@code model_info}/{@code modelInfo} read it:
 * {@code GET /api/{models|datasets|tools}/{owner}/{name}[/revision/{rev}]}.
 */
@RestController
@Tag(name = "Hugging Face-compatible", description = "The part of the Hugging Face Hub API its clients call")
class HfRepoController {

    static final int MAX_README_BYTES = 1 << 20;

    private final HfRepos hf;
    private final RepoFiles files;
    private final HfModelMetadata metadata;

    HfRepoController(HfRepos hf, RepoFiles files, HfModelMetadata metadata) {
        this.hf = hf;
        this.files = files;
        this.metadata = metadata;
    }

    @Operation(summary = "Repository info at the default branch",
            description = "expand= or expand[]= (repeatable) keeps only the named fields, besides _id and id."
                    + " siblings are [{rfilename}]; blobs=true adds size, blobId and lfs{sha256, size, pointerSize}.")
    @GetMapping("/api/{type:models|datasets|tools}/{owner}/{name}")
    Map<String, Object> info(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request) {
        return infoAt(type, owner, name, null, user, request);
    }

    @Operation(summary = "Spaces are not offered: RepoNotFound, which the clients understand")
    @RequestMapping({"/api/spaces", "/api/spaces/**"})
    Map<String, Object> spaces() {
        throw HfError.repoNotFound("This hub hosts models, datasets and tools; it does not offer Spaces.");
    }

    @Operation(summary = "Repository info at a revision (branch, tag, commit, HEAD; URL-encode '/' as %2F)",
            description = "Models also carry what the Hub derives from their files: config {architectures,"
                    + " model_type}, safetensors {parameters, total}, gguf {total, architecture, context_length}."
                    + " blobs=true as at the default branch.")
    @GetMapping("/api/{type:models|datasets|tools}/{owner}/{name}/revision/{revision}")
    Map<String, Object> infoAt(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @PathVariable String revision, @AuthenticationPrincipal HubUser user, HttpServletRequest request) {
        Repo repo = hf.repo(type, owner, name, user);
        Map<String, Object> json = HfShapes.repo(repo);
        boolean empty = revision == null && files.isEmpty(repo);
        if (empty) {
            json.put("sha", null);
            json.put("siblings", List.of());
        } else {
            ResolvedRevision at = hf.revision(repo, revision);
            json.put("sha", at.commitId().name());
            json.put("lastModified", HfShapes.date(files.commit(repo, at).committer().when()));
            json.put("siblings", siblings(repo, at, HfTreeController.isTrue(HfParams.one(request, "blobs"))));
            // The Hub's cardData is the README's whole front matter at this revision (datasets reads its configs).
            files.readText(repo, at, "README.md", MAX_README_BYTES).flatMap(RepoCards::frontMatter)
                    .ifPresent(card -> json.put("cardData", card));
            if (repo.kind() == RepoKind.MODEL) {
                json.putAll(metadata.of(repo, at));
            }
        }
        return HfShapes.expand(json, HfParams.all(request, "expand"));
    }

    /**
     * The files at {@code at}: by name only, as the Hub lists them unless {@code blobs=true}
     * ({@code model_info(files_metadata=True)}) asks for each one's size, blob id and LFS pointer,
     * which costs a read of every blob.
     */
    private List<Map<String, Object>> siblings(Repo repo, ResolvedRevision at, boolean blobs) {
        if (!blobs) {
            return files.filePaths(repo, at, HfTreeController.MAX_LISTING).paths().stream()
                    .map(HfShapes::sibling).toList();
        }
        List<Map<String, Object>> siblings = new ArrayList<>();
        for (TreeEntry entry : files.listUpTo(repo, at, "", true, HfTreeController.MAX_LISTING).entries()) {
            if (entry.kind() == TreeEntry.Kind.FILE || entry.kind() == TreeEntry.Kind.SYMLINK) {
                siblings.add(HfShapes.sibling(entry));
            }
        }
        return siblings;
    }
}
