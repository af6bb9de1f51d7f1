package dev.adapthub.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.content.InitialCommit;
import dev.adapthub.core.repo.content.RepoCreation;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/repos/create} with {@code {name, organization?, type, private}} (the Python
 * client) or {@code {name, organization, type, visibility: public|private}} (the JavaScript
 * client, with optional initial {@code files}), as the Hugging Face clients send it. Answers
 * {@code {url, name, id}}; 409 when it exists. Creating with files is one unit: a refused file
 * (422 naming the path) or any later failure leaves no repository behind.
 */
@RestController
@Tag(name = "AdaptHub", description = "The hub's own endpoints (also called by the Hugging Face clients)")
class RepoApiController {

    /** The request body; {@code type} defaults to model as on Hugging Face. */
    record CreateRequest(String name, String organization, String type,
            @JsonProperty("private") Boolean privateRepo, String visibility, List<InitialFiles.InitialFile> files,
            String license) {

        boolean isPrivate() {
            return Boolean.TRUE.equals(privateRepo) || "private".equalsIgnoreCase(visibility);
        }
    }

    private final RepoCreation creation;
    private final CurrentAccount current;

    RepoApiController(RepoCreation creation, CurrentAccount current) {
        this.creation = creation;
        this.current = current;
    }

    @Operation(summary = "Create a repository ({name, organization?, type, private | visibility})")
    @PostMapping("/api/repos/create")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal HubUser user,
            @RequestBody(required = false) CreateRequest body, HttpServletRequest request) {
        ApiAuth.requireWrite(user);
        if (body == null) {
            throw new InvalidInputException("body", "Send a JSON body: {\"name\": ..., \"type\": \"model\"}.");
        }
        RepoKind kind = body.type() == null ? RepoKind.MODEL : RepoKind.fromApiName(body.type())
                .orElseThrow(() -> new InvalidInputException("type", "type is model, dataset or tool."));
        List<FileChange> initial = InitialFiles.changes(body.files());
        String license = InitialCommit.license(body.license());
        Account account = current.of(user);
        Repo repo = creation.create(account, new NewRepo(kind, body.organization(), body.name(), body.isPrivate()),
                "Initial commit", InitialCommit.files(license, initial));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("url", ServletUriComponentsBuilder.fromContextPath(request).path("/" + repo.urlPath()).toUriString());
        answer.put("name", repo.fullName());
        answer.put("id", repo.fullName());
        answer.put("type", repo.kind().apiName());
        answer.put("private", repo.isPrivate());
        return ResponseEntity.status(HttpStatus.OK).body(answer);
    }
}
