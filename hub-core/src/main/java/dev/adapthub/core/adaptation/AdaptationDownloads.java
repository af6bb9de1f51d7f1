package dev.adapthub.core.adaptation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.export.EngineFormat;
import dev.adapthub.chips.export.Export;
import dev.adapthub.chips.export.ModelSource;
import dev.adapthub.chips.spi.MemoryPlan;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.ResolvedRevision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.stereotype.Service;

/**
 * Serves validated configs: the file exactly as validated at the index row's commit, as hub YAML
 * or rendered for its engine, and a bundle with the report and provenance. A config that did not
 * pass is refused with the reason (422), never offered as validated.
 */
@Service
public class AdaptationDownloads {

    static final int MAX_CONFIG = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final AdaptationIndex index;
    private final RepoFiles files;
    private final ChipCenter chips;
    private final Clock clock;

    AdaptationDownloads(AdaptationIndex index, RepoFiles files, ChipCenter chips, Clock clock) {
        this.index = index;
        this.files = files;
        this.chips = chips;
        this.clock = clock;
    }

    /**
     * The index row of a config, passed or not.
     *
     * @throws NotFoundException when the chip is not in the catalog or the repository has no such config for it
     */
    public AdaptationValidation validation(Repo repo, String chip, String file) {
        if (chips.registry().catalog().find(chip).isEmpty()) {
            throw new NotFoundException("No chip '" + chip + "' in the catalog; see /chips for the ids.");
        }
        return index.find(repo, chip, file).orElseThrow(() -> new NotFoundException("No config '" + file
                + "' for " + chip + " in " + repo.fullName() + "; /" + repo.urlPath()
                + "/adaptations lists the validated ones."));
    }

    /**
     * The config in {@code format} ({@code yaml}, or an engine form; blank means yaml) as validated.
     *
     * @param revision optional: must hold the same file content as the validated commit
     * @param endpoint the hub's address as the client reached it; engine forms name the model by this
     *        repository and the validated commit on it, so they work as pasted
     * @throws InvalidInputException for an unknown or unsuitable format, a revision whose file differs,
     *         or a config that did not pass
     */
    public ValidatedConfig download(Repo repo, String chip, String file, String format, String revision,
            String endpoint) {
        AdaptationValidation row = passed(repo, chip, file);
        String wanted = format == null || format.isBlank() ? EngineFormats.YAML : format.strip().toLowerCase(Locale.ROOT);
        List<String> offered = EngineFormats.names(row.engine());
        if (!offered.contains(wanted)) {
            String known = EngineFormat.byName(wanted).isPresent() || wanted.equals(EngineFormats.YAML)
                    ? "'" + wanted + "' is not a form of " + row.engine() + " configs"
                    : "Unknown format '" + shorten(wanted) + "'";
            throw new InvalidInputException("format", known + "; use " + String.join(", ", offered) + ".");
        }
        checkRevision(repo, row, revision);
        String yaml = configText(repo, row);
        String stem = file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
        if (wanted.equals(EngineFormats.YAML)) {
            return new ValidatedConfig(yaml.getBytes(StandardCharsets.UTF_8), "application/yaml", file,
                    etag(row, wanted), row);
        }
        EngineFormat engineFormat = EngineFormat.byName(wanted).orElseThrow();
        Export export = render(row, yaml, engineFormat, source(repo, row, endpoint));
        return new ValidatedConfig(export.text().getBytes(StandardCharsets.UTF_8), EngineFormats.contentType(engineFormat),
                stem + EngineFormats.suffix(engineFormat), etag(row, wanted + endpoint), row);
    }

    /**
     * A zip: the config, each engine-native export (naming the model by this repository and the validated
     * commit on the hub at {@code endpoint}), RUN.md with what each export still needs, report.json and
     * provenance.json.
     */
    public ValidatedConfig bundle(Repo repo, String chip, String file, String endpoint) {
        AdaptationValidation row = passed(repo, chip, file);
        String yaml = configText(repo, row);
        String stem = file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
        ModelSource source = source(repo, row, endpoint);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, file, yaml);
            StringBuilder run = new StringBuilder("# Running " + file + " on " + chip + "\n\nValidated at commit "
                    + row.commitId() + " of " + repo.fullName() + " on " + source.endpoint() + ".\n");
            for (EngineFormat format : EngineFormats.forEngine(row.engine())) {
                Export export = render(row, yaml, format, source);
                put(zip, stem + EngineFormats.suffix(format), export.text());
                run.append("\n## ").append(stem).append(EngineFormats.suffix(format)).append("\n\n");
                export.notes().forEach(n -> run.append("- ").append(n).append('\n'));
                if (export.notes().isEmpty()) {
                    run.append("Use as it is.\n");
                }
            }
            put(zip, "RUN.md", run.toString());
            put(zip, "report.json", row.reportJson());
            put(zip, "provenance.json", provenance(repo, row));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ValidatedConfig(bytes.toByteArray(), "application/zip", stem + ".bundle.zip",
                etag(row, "bundle" + endpoint), row);
    }

    /** Where a validated config comes from, for the bundle and for people who audit it. */
    public String provenance(Repo repo, AdaptationValidation row) {
        ObjectNode p = JSON.createObjectNode();
        p.put("repository", repo.fullName());
        p.put("path", row.path());
        p.put("commit", row.commitId());
        p.put("blobId", row.blobId());
        p.put("chip", row.chip());
        p.put("engine", row.engine());
        p.putObject("backend").put("id", row.backendId()).put("version", row.backendVersion());
        p.put("catalogVersion", row.catalogVersion());
        p.put("modelConfigBlobId", row.modelConfigBlobId());
        p.put("verdict", row.verdict().name());
        p.put("reportDigest", row.reportDigest());
        p.put("validatedAt", row.validatedAt().toString());
        p.put("bundledAt", clock.instant().toString());
        try {
            return JSON.writeValueAsString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AdaptationValidation passed(Repo repo, String chip, String file) {
        AdaptationValidation row = validation(repo, chip, file);
        if (!row.passed()) {
            throw new InvalidInputException("file", row.path() + " did not pass validation on " + chip + " ("
                    + errors(row) + "), so it is not offered as a validated config. The report says how to fix it.");
        }
        return row;
    }

    /** The error findings of a report, "CODE: message; …". */
    public static String errors(AdaptationValidation row) {
        try {
            JsonNode findings = JSON.readTree(row.reportJson()).path("findings");
            List<String> errors = new java.util.ArrayList<>();
            for (JsonNode f : findings) {
                if ("ERROR".equals(f.path("severity").asText())) {
                    errors.add(f.path("code").asText() + ": " + f.path("message").asText());
                }
            }
            return errors.isEmpty() ? "verdict " + row.verdict() : errors.stream().collect(Collectors.joining("; "));
        } catch (IOException e) {
            return "verdict " + row.verdict();
        }
    }

    private void checkRevision(Repo repo, AdaptationValidation row, String revision) {
        if (revision == null || revision.isBlank()) {
            return;
        }
        ResolvedRevision at = files.resolve(repo, revision.strip()).orElseThrow(() -> new NotFoundException(
                "The repository has no commits."));
        if (at.commitId().name().equals(row.commitId())) {
            return;
        }
        Optional<String> blob;
        try {
            blob = Optional.of(files.open(repo, at, row.path()).entry().id().name());
        } catch (NotFoundException e) {
            blob = Optional.empty();
        }
        if (blob.isEmpty() || !blob.get().equals(row.blobId())) {
            throw new InvalidInputException("revision", row.path() + " at '" + shorten(revision)
                    + "' is not the file that was validated; the validated commit is " + row.commitId() + ".");
        }
    }

    private String configText(Repo repo, AdaptationValidation row) {
        ResolvedRevision pinned = new ResolvedRevision(row.commitId(), ObjectId.fromString(row.commitId()), null);
        return files.readText(repo, pinned, row.path(), MAX_CONFIG).orElseThrow(() -> new NotFoundException(
                row.path() + " is no longer readable at " + row.commitId() + "."));
    }

    /** This repository at the validated commit, on the hub the client reached. */
    private static ModelSource source(Repo repo, AdaptationValidation row, String endpoint) {
        try {
            return new ModelSource(endpoint, repo.fullName(), row.commitId());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Host", "The exports name this hub's address, but the request's host gives '"
                    + shorten(endpoint) + "': reach the hub by a plain host name or address.");
        }
    }

    private Export render(AdaptationValidation row, String yaml, EngineFormat format, ModelSource source) {
        InferenceConfig config;
        try {
            config = InferenceConfigParser.parse(yaml);
        } catch (ConfigException e) {
            throw new IllegalStateException("a validated config no longer parses: " + row.path(), e);
        }
        ChipSpec chip = chips.registry().catalog().find(row.chip()).orElse(null);
        return format.render(config, chip, memoryPlan(row), source);
    }

    /** The memory plan exactly as the report recorded it (the export sizes MindIE's KV cache from it). */
    static MemoryPlan memoryPlan(AdaptationValidation row) {
        try {
            JsonNode m = JSON.readTree(row.reportJson()).path("memory");
            if (m.isMissingNode() || m.isNull()) {
                return null;
            }
            return new MemoryPlan(m.path("totalBytes").asLong(), m.path("budgetBytes").asLong(),
                    m.path("weightsBytes").asLong(), m.path("activationBytes").asLong(),
                    m.path("overheadBytes").asLong(), m.path("kvCacheBytes").asLong(),
                    m.path("kvBytesPerToken").asLong(), m.path("blockSize").asInt(), m.path("kvCacheBlocks").asLong(),
                    m.path("kvCacheTokens").asLong(), m.path("maxModelLen").asInt(),
                    m.path("maxConcurrencyAtMaxModelLen").asDouble(), m.path("fits").asBoolean(),
                    m.path("largestMaxModelLen").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code variant}: the form, and for engine forms the endpoint they name (it is hashed). */
    private static String etag(AdaptationValidation row, String variant) {
        String form = variant.matches("[a-z.-]+") ? variant : Integer.toHexString(variant.hashCode());
        return "\"" + row.blobId() + "-" + form + "-" + row.reportDigest().replaceAll("[^A-Za-z0-9]", "").substring(0,
                Math.min(12, row.reportDigest().length())) + "\"";
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
