package dev.adapthub.chips.export;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an engine fetches the model from: a Hugging Face-compatible hub (the engines read its address
 * from {@code HF_ENDPOINT}), a repository id and a pinned revision. A hub config names its model by a
 * path inside its own repository ({@code model.config: ../config.json}); an export meant to be pasted
 * names it by this instead, so the command works from any directory and downloads exactly the commit
 * that was validated.
 *
 * @param endpoint the hub's address, e.g. {@code https://hub.example.org} (no trailing slash)
 * @param repo     {@code owner/name}
 * @param revision a commit id (or a branch, if the caller accepts that it moves)
 */
public record ModelSource(String endpoint, String repo, String revision) {

    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final Pattern ENDPOINT = Pattern.compile("https?://[A-Za-z0-9.:\\[\\]_-]+(/[A-Za-z0-9._~/-]*)?");

    public ModelSource {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(revision, "revision");
        endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        // Every part ends up in a shell line: only characters that need no quoting are accepted.
        if (!ENDPOINT.matcher(endpoint).matches()) {
            throw new IllegalArgumentException("endpoint must be an http(s) URL without query or spaces: " + endpoint);
        }
        if (!REPO.matcher(repo).matches()) {
            throw new IllegalArgumentException("repo must be owner/name: " + repo);
        }
        if (!REVISION.matcher(revision).matches() || revision.contains("..")) {
            throw new IllegalArgumentException("revision must be a commit id or a ref name: " + revision);
        }
    }

    /** The environment assignment that points the engine's hub client at this hub. */
    public String environment() {
        return "HF_ENDPOINT=" + endpoint;
    }

    /** The last segment of the repository id, for engines that want a short name or a directory. */
    public String name() {
        return repo.substring(repo.indexOf('/') + 1);
    }

    /** A command that downloads the pinned revision into {@code ./name} with the Hugging Face CLI. */
    public String downloadCommand() {
        return environment() + " huggingface-cli download " + repo + " --revision " + revision + " --local-dir "
                + name();
    }
}
