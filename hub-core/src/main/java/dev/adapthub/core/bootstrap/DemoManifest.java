package dev.adapthub.core.bootstrap;

import dev.adapthub.core.repo.RepoKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code demo/manifest.yaml} on the class path: the repositories the demo seeds and the files
 * each starts with (at {@code demo/repos/{owner}/{name}/{path}}). Its {@code pullRequests}
 * section is read by the pull-request feature once it exists.
 */
record DemoManifest(List<DemoRepo> repositories, List<DemoPull> pullRequests) {

    static final String FOLDER = "demo/";

    /** One repository to seed. */
    record DemoRepo(RepoKind kind, String owner, String name, List<String> files) {

        String resource(String path) {
            return FOLDER + "repos/" + owner + "/" + name + "/" + path;
        }
    }

    /** A proposal opened at seeding: the file {@code source} of the repository's demo folder, committed at {@code path}. */
    record DemoPull(String repo, String source, String path, String title, String description) {

        String resource() {
            return FOLDER + "repos/" + repo + "/" + source;
        }
    }

    @SuppressWarnings("unchecked")
    static DemoManifest load(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(FOLDER + "manifest.yaml")) {
            if (in == null) {
                return new DemoManifest(List.of(), List.of());
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<DemoRepo> repos = new ArrayList<>();
            for (Map<String, Object> entry : (List<Map<String, Object>>) root.getOrDefault("repositories", List.of())) {
                RepoKind kind = RepoKind.fromApiName((String) entry.get("type")).orElseThrow(() ->
                        new IllegalStateException("demo/manifest.yaml: unknown type " + entry.get("type")));
                repos.add(new DemoRepo(kind, (String) entry.get("owner"), (String) entry.get("name"),
                        List.copyOf((List<String>) entry.get("files"))));
            }
            List<DemoPull> pulls = new ArrayList<>();
            for (Map<String, Object> entry : (List<Map<String, Object>>) root.getOrDefault("pullRequests", List.of())) {
                pulls.add(new DemoPull((String) entry.get("repo"), (String) entry.get("source"), (String) entry.get("path"),
                        (String) entry.get("title"), (String) entry.get("description")));
            }
            return new DemoManifest(List.copyOf(repos), List.copyOf(pulls));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
