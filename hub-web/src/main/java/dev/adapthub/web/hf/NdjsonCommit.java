package dev.adapthub.web.hf;

import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitPaths;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.write.Content;
import dev.adapthub.web.body.BodyLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The NDJSON body of {@code POST …/commit/{rev}} taken apart and checked before anything is
 * written: one {@code {"key": …, "value": …}} object per line, a {@code header} first, then
 * {@code file} (inline content), {@code lfsFile} (an uploaded LFS object), {@code deletedFile} and
 * {@code deletedFolder} operations. Every problem is a 400 naming the line and, where there is
 * one, the path.
 * <p>
 * The body is read from a {@link CommitSpool} on disk, a line at a time, with a streaming JSON
 * parser: an inline file's content is skipped while its line is checked, then decoded straight
 * into a file of the spool, so the heap holds the metadata and never all files at once.
 */
record NdjsonCommit(String summary, String description, String parentCommit, List<Operation> operations) {

    static final int MAX_BODY_BYTES = (int) BodyLimits.COMMIT_BYTES;
    static final int MAX_OPERATIONS = 10_000;
    /** Larger files go through LFS, as preupload tells the clients. */
    static final int MAX_INLINE_FILE_BYTES = 10 << 20;
    static final int MAX_SUMMARY_CHARS = 1_000;
    static final int MAX_DESCRIPTION_CHARS = 65_536;

    /** Inline text content is the one value the parser holds whole: no longer than the largest inline file in base64. */
    private static final int MAX_STRING_CHARS = MAX_INLINE_FILE_BYTES / 3 * 4 + 1024;
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
            .build()).build();

    /** One change of the commit. */
    sealed interface Operation {
        String path();
    }

    /** A file given in the body; its bytes wait in the spool. */
    record InlineFile(String path, Content content) implements Operation {
    }

    record LfsFile(String path, LfsOid oid, long size) implements Operation {
    }

    record DeletedFile(String path) implements Operation {
    }

    record DeletedFolder(String path) implements Operation {
    }

    /** A non-blank line of the body: its number (from 1) and where its bytes are. */
    record Line(int number, long start, long end) {
    }

    /** The commit in {@code spool}; inline files are decoded into the spool, valid until it is closed. */
    static NdjsonCommit parse(CommitSpool spool) throws IOException {
        List<Line> lines = NdjsonLines.of(spool.body(), MAX_OPERATIONS + 1);
        if (lines == null) {
            throw tooManyOperations();
        }
        String summary = null;
        String description = null;
        String parent = null;
        boolean headerSeen = false;
        List<Operation> operations = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        try (FileChannel body = FileChannel.open(spool.body())) {
            for (Line line : lines) {
                Entry entry = entry(body, line);
                if (entry.key().equals("header")) {
                    if (headerSeen) {
                        throw bad(line.number(), "is a second header");
                    }
                    headerSeen = true;
                    summary = optionalString(entry.value(), "summary", line.number());
                    description = optionalString(entry.value(), "description", line.number());
                    parent = optionalString(entry.value(), "parentCommit", line.number());
                    continue;
                }
                if (!headerSeen) {
                    throw bad(line.number(), "comes before the header; start with"
                            + " {\"key\":\"header\",\"value\":{\"summary\":…}}");
                }
                if (operations.size() >= MAX_OPERATIONS) {
                    throw tooManyOperations();
                }
                Operation operation = operation(entry, line, body, spool);
                if (!paths.add(operation.path())) {
                    throw bad(line.number(), "changes '" + operation.path() + "' a second time in the same commit");
                }
                operations.add(operation);
            }
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

    private static HfError tooManyOperations() {
        return new HfError(HttpStatus.PAYLOAD_TOO_LARGE, null, "At most " + MAX_OPERATIONS
                + " operations per commit; split the change into several commits.");
    }

    /**
     * One line's key and value, the value without a {@code content} string (skipped unread;
     * {@code hasContent} says it is there).
     */
    private record Entry(String key, ObjectNode value, boolean hasContent) {
    }

    private static Entry entry(FileChannel body, Line line) {
        String key = null;
        ObjectNode value = null;
        boolean hasContent = false;
        boolean shape = true;
        try (JsonParser parser = JSON.createParser(NdjsonLines.region(body, line))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw bad(line.number(), "must be an object {\"key\": …, \"value\": {…}}");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken next = parser.nextToken();
                if (name.equals("key") && key == null && next == JsonToken.VALUE_STRING) {
                    key = parser.getString();
                } else if (name.equals("value") && value == null && next == JsonToken.START_OBJECT) {
                    value = JSON.createObjectNode();
                    hasContent = readValue(parser, value, line);
                } else if (name.equals("key") || name.equals("value")) {
                    shape = false;
                    parser.skipChildren();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw bad(line.number(), "is not valid JSON: one object per line");
            }
        } catch (JacksonException e) {
            throw bad(line.number(), "is not valid JSON");
        }
        if (!shape || key == null || value == null) {
            throw bad(line.number(), "must be an object {\"key\": …, \"value\": {…}}");
        }
        return new Entry(key, value, hasContent);
    }

    /** Reads the fields of {@code value} but a string {@code content}, which is skipped without reading it. */
    private static boolean readValue(JsonParser parser, ObjectNode value, Line line) {
        boolean hasContent = false;
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken next = parser.nextToken();
            if (value.has(name) || name.equals("content") && hasContent) {
                throw bad(line.number(), "has \"" + name + "\" twice");
            }
            if (name.equals("content") && next == JsonToken.VALUE_STRING) {
                hasContent = true;
            } else {
                JsonNode node = parser.readValueAsTree();
                value.set(name, node);
            }
        }
        return hasContent;
    }

    private static Operation operation(Entry entry, Line line, FileChannel body, CommitSpool spool)
            throws IOException {
        JsonNode value = entry.value();
        int number = line.number();
        switch (entry.key()) {
            case "file" -> {
                String path = filePath(value, number);
                if (!entry.hasContent()) {
                    requiredString(value, "content", number);
                }
                String encoding = optionalString(value, "encoding", number);
                boolean base64 = "base64".equals(encoding);
                if (!base64 && encoding != null && !encoding.equalsIgnoreCase("utf-8")) {
                    throw bad(number, "has encoding '" + encoding + "' for '" + path + "'; use base64 or utf-8");
                }
                Path file = spool.newFile();
                decodeContent(body, line, path, base64, file);
                return new InlineFile(path, Content.of(file));
            }
            case "lfsFile" -> {
                String path = filePath(value, number);
                String algo = optionalString(value, "algo", number);
                if (algo != null && !algo.equals("sha256")) {
                    throw bad(number, "has algo '" + algo + "' for '" + path + "'; only sha256 is supported");
                }
                String oid = requiredString(value, "oid", number);
                if (!LfsOid.isValid(oid)) {
                    throw bad(number, "has oid '" + oid + "' for '" + path
                            + "', not a SHA-256 (64 lowercase hex digits)");
                }
                JsonNode size = value.path("size");
                if (!size.isIntegralNumber() || size.longValue() < 0) {
                    throw bad(number, "needs a size in bytes for '" + path + "'");
                }
                return new LfsFile(path, new LfsOid(oid), size.longValue());
            }
            case "deletedFile" -> {
                return new DeletedFile(filePath(value, number));
            }
            case "deletedFolder" -> {
                String path = requiredString(value, "path", number);
                String folder = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                return new DeletedFolder(checked(folder, number));
            }
            default -> throw bad(number, "has key '" + entry.key()
                    + "'; use header, file, lfsFile, deletedFile or deletedFolder");
        }
    }

    /** Parses the line again, this time decoding {@code value.content} into {@code file} as it streams by. */
    private static void decodeContent(FileChannel body, Line line, String path, boolean base64, Path file)
            throws IOException {
        Capped out = new Capped(Files.newOutputStream(file), MAX_INLINE_FILE_BYTES);
        try (out; JsonParser parser = JSON.createParser(NdjsonLines.region(body, line))) {
            parser.nextToken();
            toField(parser, "value");
            toField(parser, "content");
            if (base64) {
                parser.readBinaryValue(out);
            } else {
                Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                parser.getString(text);
                text.flush();
            }
        } catch (JacksonException e) {
            if (out.exceeded || e instanceof StreamConstraintsException) {
                throw new HfError(HttpStatus.PAYLOAD_TOO_LARGE, null, "'" + path + "' has more than "
                        + MAX_INLINE_FILE_BYTES + " bytes; files over " + MAX_INLINE_FILE_BYTES
                        + " bytes go through LFS (preupload says so).");
            }
            throw bad(line.number(), "has content for '" + path + "' that is not valid "
                    + (base64 ? "base64" : "text"));
        }
    }

    /** Moves to the value of the first property {@code name} of the current object (the first pass made sure it is there). */
    private static void toField(JsonParser parser, String name) {
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            JsonToken next = parser.nextToken();
            if (parser.currentName().equals(name) && next != JsonToken.VALUE_NULL) {
                return;
            }
            parser.skipChildren();
        }
        throw new IllegalStateException("the first pass found '" + name + "' on this line");
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

    /** An output that stops at {@code max} bytes: an inline file over the limit belongs in LFS. */
    private static final class Capped extends OutputStream {

        private final OutputStream out;
        private final long max;
        private long written;
        private boolean exceeded;

        Capped(OutputStream out, long max) {
            this.out = out;
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > max) {
                exceeded = true;
                throw new IOException("inline file over " + max + " bytes");
            }
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
