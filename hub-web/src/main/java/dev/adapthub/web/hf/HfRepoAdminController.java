package dev.adapthub.web.hf;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoGate;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.RepoSettings;
import dev.adapthub.core.repo.RepoSettingsService;
import dev.adapthub.web.api.ApiAuth;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Deleting, configuring and moving repositories where the Hugging Face clients call it:
 * {@code delete_repo}/{@code deleteRepo}, {@code update_repo_settings} (and the older
 * {@code update_repo_visibility}), {@code move_repo}. Each needs admin rights on the repository,
 * as the hub's own settings page does.
 */
@RestController
@Tag(name = "Hugging Face-compatible")
class HfRepoAdminController {

    /** {@code {name, organization?, type}}: organization null means the caller's own namespace. */
    record DeleteBody(String name, String organization, String type) {
    }

    record MoveBody(String fromRepo, String toRepo, String type) {
    }

    private final HfRepos hf;
    private final RepoService repos;
    private final RepoSettingsService settings;

    HfRepoAdminController(HfRepos hf, RepoService repos, RepoSettingsService settings) {
        this.hf = hf;
        this.repos = repos;
        this.settings = settings;
    }

    @Operation(summary = "Delete a repository ({name, organization?, type}); it cannot be undone")
    @DeleteMapping("/api/repos/delete")
    Map<String, Object> delete(@RequestBody(required = false) DeleteBody body, @AuthenticationPrincipal HubUser user) {
        ApiAuth.requireWrite(user);
        if (body == null || body.name() == null || body.name().isBlank()) {
            throw HfError.badRequest("Name the repository to delete: {\"name\": ..., \"organization\": ...,"
                    + " \"type\": \"model\"}.");
        }
        Account actor = hf.account(user);
        String owner = body.organization() == null || body.organization().isBlank() ? actor.name()
                : body.organization().strip();
        Repo repo = hf.repo(plural(body.type()), owner, body.name().strip(), user);
        repos.delete(actor, repo, repo.fullName());
        return Map.of();
    }

    @Operation(summary = "Change settings: {private?, gated?: \"auto\"|\"manual\"|false, discussionsDisabled?}")
    @PutMapping("/api/{type:models|datasets|tools}/{owner}/{name}/settings")
    Map<String, Object> settings(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @RequestBody(required = false) Map<String, Object> body, @AuthenticationPrincipal HubUser user) {
        ApiAuth.requireWrite(user);
        Repo repo = hf.repo(type, owner, name, user);
        RepoSettings change = settingsOf(body == null ? Map.of() : body);
        Repo changed = settings.update(hf.account(user), repo, change);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("private", changed.isPrivate());
        answer.put("gated", changed.gated().apiValue());
        answer.put("discussionsDisabled", changed.discussionsDisabled());
        return answer;
    }

    @Operation(summary = "Rename or transfer a repository ({fromRepo, toRepo, type}); the old address redirects")
    @PostMapping("/api/repos/move")
    Map<String, Object> move(@RequestBody(required = false) MoveBody body, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request) {
        ApiAuth.requireWrite(user);
        if (body == null || !isRepoId(body.fromRepo()) || !isRepoId(body.toRepo())) {
            throw HfError.badRequest("Send {\"fromRepo\": \"owner/name\", \"toRepo\": \"owner/name\", \"type\":"
                    + " \"model\"}.");
        }
        String[] from = body.fromRepo().strip().split("/");
        String[] to = body.toRepo().strip().split("/");
        Repo repo = hf.repo(plural(body.type()), from[0], from[1], user);
        Repo moved = settings.move(hf.account(user), repo, to[0], to[1]);
        return Map.of("id", moved.fullName(),
                "url", ServletUriComponentsBuilder.fromContextPath(request).path("/" + moved.urlPath()).toUriString());
    }

    /** {@code model} → {@code models}; a missing type is a model, as on the Hub. */
    private static String plural(String type) {
        return (type == null || type.isBlank() ? "model" : type.strip()) + "s";
    }

    private static boolean isRepoId(String id) {
        return id != null && id.strip().split("/", -1).length == 2 && !id.strip().startsWith("/")
                && !id.strip().endsWith("/");
    }

    /** Reads the settings the hub honours; anything else of the Hub's ({@code xetEnabled}, …) is ignored. */
    private static RepoSettings settingsOf(Map<String, Object> body) {
        Boolean privateRepo = bool(body, "private");
        Boolean discussionsDisabled = bool(body, "discussionsDisabled");
        RepoGate gated = null;
        if (body.containsKey("gated")) {
            Object value = body.get("gated");
            if (Boolean.FALSE.equals(value)) {
                gated = RepoGate.NONE;
            } else if ("auto".equals(value)) {
                gated = RepoGate.AUTO;
            } else if ("manual".equals(value)) {
                gated = RepoGate.MANUAL;
            } else {
                throw HfError.badRequest("gated is \"auto\", \"manual\" or false, not " + value + ".");
            }
        }
        RepoSettings change = new RepoSettings(privateRepo, gated, discussionsDisabled);
        if (change.isEmpty()) {
            throw HfError.badRequest("Send at least one setting: {\"private\": true|false, \"gated\": \"auto\"|"
                    + "\"manual\"|false, \"discussionsDisabled\": true|false}.");
        }
        return change;
    }

    private static Boolean bool(Map<String, Object> body, String key) {
        if (!body.containsKey(key)) {
            return null;
        }
        if (body.get(key) instanceof Boolean value) {
            return value;
        }
        throw HfError.badRequest(key + " is true or false, not " + body.get(key) + ".");
    }
}
