package dev.adapthub.web.hf;

import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitPaths;
import dev.adapthub.git.lfs.LfsOid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The NDJSON body of {@code POST …/commit/{rev}} taken apart and checked before anything is
 * written: one {@code {"key": …, "value": …}} object per line, a {@code header} first, then
 * {@code file} (inline content), {@code lfsFile} (an uploaded LFS object), {@code deletedFile} and
 * {@code deletedFolder} operations. Every problem is a 400 naming the line and, where there is
 * one, the path.
 */
record NdjsonCommit(String summary, String description, String parentCommit, List<Operation> operations) {

    static final int MAX_BODY_BYTES = 64 << 20;
    static final int MAX_OPERATIONS = 10_000;
    /** Larger files go through LFS, as preupload tells the clients. */
    static final int MAX_INLINE_FILE_BYTES = 10 << 20;
    static final int MAX_SUMMARY_CHARS = 1_000;
    static final int MAX_DESCRIPTION_CHARS = 65_536;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One change of the commit. */
    sealed interface Operation {
        String path();
    }

    record InlineFile(String path, byte[] content) implements Operation {
    }

    record LfsFile(String path, LfsOid oid, long size) implements Operation {
    }

    record DeletedFile(String path) implements Operation {
    }

    record DeletedFolder(String path) implements Operation {
    }

    static NdjsonCommit parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        String[] lines = text.split("\r?\n");
        String summary = null;
        String description = null;
        String parent = null;
        boolean headerSeen = false;
        List<Operation> operations = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                throw bad(number, "is not valid JSON");
            }
            if (node == null || !node.isObject() || !node.path("key").isString() || !node.path("value").isObject()) {
                throw bad(number, "must be an object {\"key\": …, \"value\": {…}}");
            }
            String key = node.get("key").stringValue();
            JsonNode value = node.get("value");
            if (key.equals("header")) {
                if (headerSeen) {
                    throw bad(number, "is a second header");
                }
                headerSeen = true;
                summary = optionalString(value, "summary", number);
                description = optionalString(value, "description", number);
                parent = optionalString(value, "parentCommit", number);
                continue;
            }
            if (!headerSeen) {
                throw bad(number, "comes before the header; start with {\"key\":\"header\",\"value\":{\"summary\":…}}");
            }
            if (operations.size() >= MAX_OPERATIONS) {
                throw new HfError(HttpStatus.PAYLOAD_TOO_LARGE, null, "At most " + MAX_OPERATIONS
                        + " operations per commit; split the change into several commits.");
            }
            Operation operation = operation(key, value, number);
            if (!paths.add(operation.path())) {
                throw bad(number, "changes '" + operation.path() + "' a second time in the same commit");
            }
            operations.add(operation);
        }
        if (!headerSeen) {
            throw HfError.badRequest("The commit body has no header line; send NDJSON starting with"
                    + " {\"key\":\"header\",\"value\":{\"summary\":\"…\"}}.");
        }
        if (operations.isEmpty()) {
            throw HfError.badRequest("The commit has no operations (file, lfsFile, deletedFile, deletedFolder).");
        }
        if (summary != null && summary.length() > MAX_SUMMARY_CHARS) {
            throw HfError.badRequest("The summary is longer than " + MAX_SUMMARY_CHARS + " characters.");
        }
        if (description != null && description.length() > MAX_DESCRIPTION_CHARS) {
            throw HfError.badRequest("The description is longer than " + MAX_DESCRIPTION_CHARS + " characters.");
        }
        return new NdjsonCommit(summary, description, parent, List.copyOf(operations));
    }

    private static Operation operation(String key, JsonNode value, int line) {
        switch (key) {
            case "file" -> {
                String path = filePath(value, line);
                String content = requiredString(value, "content", line);
                String encoding = optionalString(value, "encoding", line);
                byte[] bytes;
                if ("base64".equals(encoding)) {
                    try {
                        bytes = Base64.getDecoder().decode(content.strip());
                    } catch (IllegalArgumentException e) {
                        throw bad(line, "has content for '" + path + "' that is not valid base64");
                    }
                } else if (encoding == null || encoding.equalsIgnoreCase("utf-8")) {
                    bytes = content.getBytes(StandardCharsets.UTF_8);
                } else {
                    throw bad(line, "has encoding '" + encoding + "' for '" + path + "'; use base64 or utf-8");
                }
                if (bytes.length > MAX_INLINE_FILE_BYTES) {
                    throw new HfError(HttpStatus.PAYLOAD_TOO_LARGE, null, "'" + path + "' has " + bytes.length
                            + " bytes; files over " + MAX_INLINE_FILE_BYTES + " bytes go through LFS (preupload says so).");
                }
                return new InlineFile(path, bytes);
            }
            case "lfsFile" -> {
                String path = filePath(value, line);
                String algo = optionalString(value, "algo", line);
                if (algo != null && !algo.equals("sha256")) {
                    throw bad(line, "has algo '" + algo + "' for '" + path + "'; only sha256 is supported");
                }
                String oid = requiredString(value, "oid", line);
                if (!LfsOid.isValid(oid)) {
                    throw bad(line, "has oid '" + oid + "' for '" + path + "', not a SHA-256 (64 lowercase hex digits)");
                }
                JsonNode size = value.path("size");
                if (!size.isIntegralNumber() || size.longValue() < 0) {
                    throw bad(line, "needs a size in bytes for '" + path + "'");
                }
                return new LfsFile(path, new LfsOid(oid), size.longValue());
            }
            case "deletedFile" -> {
                return new DeletedFile(filePath(value, line));
            }
            case "deletedFolder" -> {
                String path = requiredString(value, "path", line);
                String folder = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                return new DeletedFolder(checked(folder, line));
            }
            default -> throw bad(line, "has key '" + key + "'; use header, file, lfsFile, deletedFile or deletedFolder");
        }
    }

    private static String filePath(JsonNode value, int line) {
        return checked(requiredString(value, "path", line), line);
    }

    /** Refuses traversal, absolute paths, {@code .git/} and the root, naming the path. */
    private static String checked(String path, int line) {
        try {
            return GitPaths.normalizeFile(path);
        } catch (GitInvalidInputException e) {
            throw bad(line, "has an unusable path: " + e.getMessage());
        }
    }

    private static String requiredString(JsonNode value, String field, int line) {
        String text = optionalString(value, field, line);
        if (text == null) {
            throw bad(line, "needs \"" + field + "\"");
        }
        return text;
    }

    private static String optionalString(JsonNode value, String field, int line) {
        JsonNode node = value.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw bad(line, "has \"" + field + "\" that is not a string");
        }
        return node.stringValue();
    }

    private static HfError bad(int line, String why) {
        return HfError.badRequest("Line " + line + " of the commit " + why + ".");
    }
}
