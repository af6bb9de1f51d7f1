package dev.adapthub.web.hf;

import dev.adapthub.chips.model.CheckpointSummary;
import dev.adapthub.chips.model.ModelException;
import dev.adapthub.chips.model.SafetensorsHeaders;
import dev.adapthub.core.common.HubException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.GitException;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.git.read.TreeEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Hub derives from a model's files for {@code model_info}: {@code config}
 * ({@code architectures}, {@code model_type} of {@code config.json}), {@code safetensors}
 * ({@code parameters} by dtype and their {@code total}, from the headers of the
 * {@code .safetensors} files, LFS ones included, without reading a weight) and {@code gguf}
 * ({@code total}, {@code architecture}, {@code context_length} of the first {@code .gguf} file).
 * Headers over {@value #MAX_HEADER_BYTES} bytes and files past {@value #MAX_WEIGHT_FILES} are
 * skipped, and a field that cannot be derived is left out, as on the Hub. Answers are cached per
 * commit: a commit's files never change.
 */
@Component
public class HfModelMetadata {

    private static final Logger log = LoggerFactory.getLogger(HfModelMetadata.class);
    static final int MAX_HEADER_BYTES = 4 << 20;
    static final int MAX_WEIGHT_FILES = 256;
    static final int MAX_CONFIG_BYTES = 1 << 20;
    private static final int CACHED_COMMITS = 512;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RepoFiles files;
    private final RepoService repos;
    private final LfsStores lfs;
    private final PerCommitCache<Map<String, Object>> cache = new PerCommitCache<>(CACHED_COMMITS);

    HfModelMetadata(RepoFiles files, RepoService repos, LfsStores lfs) {
        this.files = files;
        this.repos = repos;
        this.lfs = lfs;
    }

    /**
     * The derived fields of a model at a commit. The commit's files are listed here, by name only
     * (the listing repository info shares), so that whoever asks first, the answer kept for the
     * commit is the same; only the weight files found are looked up and opened.
     */
    public Map<String, Object> of(Repo repo, ResolvedRevision at) {
        return cache.get(repo, at, () -> {
            List<String> paths = files.filePaths(repo, at, HfTreeController.MAX_LISTING).paths();
            Map<String, Object> json = new LinkedHashMap<>();
            config(repo, at).ifPresent(c -> json.put("config", c));
            safetensors(repo, at, paths).ifPresent(s -> json.put("safetensors", s));
            paths.stream().filter(p -> p.toLowerCase(Locale.ROOT).endsWith(".gguf")).findFirst()
                    .flatMap(p -> gguf(repo, at, p)).ifPresent(g -> json.put("gguf", g));
            return Collections.unmodifiableMap(json);
        });
    }

    private Optional<Map<String, Object>> config(Repo repo, ResolvedRevision at) {
        try {
            Optional<String> text = files.readText(repo, at, "config.json", MAX_CONFIG_BYTES);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            JsonNode node = JSON.readTree(text.get());
            Map<String, Object> config = new LinkedHashMap<>();
            if (node.path("architectures").isArray()) {
                List<String> architectures = new ArrayList<>();
                for (JsonNode name : node.path("architectures")) {
                    if (name.isString()) {
                        architectures.add(name.asString());
                    }
                }
                config.put("architectures", architectures);
            }
            if (node.path("model_type").isString()) {
                config.put("model_type", node.path("model_type").asString());
            }
            return config.isEmpty() ? Optional.empty() : Optional.of(config);
        } catch (HubException | JacksonException e) {
            return Optional.empty();
        }
    }

    private Optional<Map<String, Object>> safetensors(Repo repo, ResolvedRevision at, List<String> paths) {
        List<String> weights = paths.stream()
                .filter(p -> p.toLowerCase(Locale.ROOT).endsWith(".safetensors")).toList();
        if (weights.isEmpty() || weights.size() > MAX_WEIGHT_FILES) {
            return Optional.empty();
        }
        Map<String, Long> parameters = new TreeMap<>();
        for (String weight : weights) {
            try (InputStream in = open(repo, at, weight)) {
                CheckpointSummary summary = SafetensorsHeaders.parse(weight, bounded(in));
                for (var bytes : summary.bytesByDtype().entrySet()) {
                    int bits = SafetensorsHeaders.bitsOf(bytes.getKey()).orElseThrow();
                    parameters.merge(bytes.getKey(), bytes.getValue() * 8 / bits, Long::sum);
                }
            } catch (ModelException | IOException | GitException | HubException e) {
                log.debug("no safetensors parameters for {} {}: {}", repo.fullName(), weight, e.getMessage());
                return Optional.empty();
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("parameters", parameters);
        json.put("total", parameters.values().stream().mapToLong(Long::longValue).sum());
        return Optional.of(json);
    }

    private Optional<Map<String, Object>> gguf(Repo repo, ResolvedRevision at, String path) {
        try (InputStream in = open(repo, at, path)) {
            return GgufHeader.read(in, MAX_HEADER_BYTES).map(GgufHeader::json);
        } catch (IOException | GitException | HubException e) {
            log.debug("no gguf metadata for {} {}: {}", repo.fullName(), path, e.getMessage());
            return Optional.empty();
        }
    }

    /** The file's content: the Git blob, or the LFS object its blob is a pointer to. */
    private InputStream open(Repo repo, ResolvedRevision at, String path) throws IOException, GitException {
        Optional<LfsPointerFile> pointer = files.entry(repo, at, path).flatMap(TreeEntry::lfs);
        if (pointer.isPresent()) {
            return lfs.forRepository(repos.storageOf(repo)).open(pointer.get().oid());
        }
        return files.open(repo, at, path).openStream();
    }

    /** Refuses headers longer than {@link #MAX_HEADER_BYTES} before the parser allocates them. */
    private static InputStream bounded(InputStream in) throws IOException, ModelException {
        byte[] prefix = in.readNBytes(8);
        if (prefix.length == 8) {
            long length = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (length < 0 || length > MAX_HEADER_BYTES) {
                throw new ModelException("", "header of " + length + " bytes is over " + MAX_HEADER_BYTES);
            }
        }
        return new SequenceInputStream(new ByteArrayInputStream(prefix), in);
    }
}
