package dev.adapthub.git.http;

import dev.adapthub.git.GitException;
import dev.adapthub.git.lfs.LfsLink;
import dev.adapthub.git.lfs.LfsObjectStore;
import dev.adapthub.git.lfs.LfsOid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * The Git LFS batch API (basic transfer) as plain data: request in, response out. Per-object
 * problems (malformed oid, negative size, missing object, over the limit) become per-object
 * errors as the spec asks, so one bad object does not fail the others. When the store hands out
 * direct links (presigned URLs of an object store), the transfer actions point there, without the
 * caller's credentials; the verify action always points at the hub, which checks the bytes.
 */
final class LfsBatch {
    static final int MAX_OBJECTS = 1000;
    static final int EXPIRES_IN_SECONDS = 3600;

    /** {@code {"operation","transfers","objects":[{"oid","size"}]}}; unknown fields are ignored. */
    static final class Request {
        String operation;
        List<String> transfers;
        List<ObjectSpec> objects;
        /** The ref the client is pushing (git-lfs sends it); optional. */
        RefSpec ref;

        String refName() {
            return ref == null ? null : ref.name;
        }
    }

    static final class RefSpec {
        String name;
    }

    static final class ObjectSpec {
        String oid;
        Long size;
    }

    // Field names are the JSON names of the spec (Gson maps them as they are).
    static final class Response {
        final String transfer = "basic";
        final String hash_algo = "sha256";
        final List<ObjectResult> objects = new ArrayList<>();
    }

    static final class ObjectResult {
        String oid;
        Long size;
        Boolean authenticated;
        Map<String, Action> actions;
        Error error;
    }

    static final class Action {
        String href;
        Map<String, String> header;
        int expires_in = EXPIRES_IN_SECONDS;
    }

    static final class Error {
        int code;
        String message;

        Error(int code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    /** Thrown for a request that is wrong as a whole (the client sees 422 with the message). */
    static final class InvalidRequest extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidRequest(String message) {
            super(message);
        }
    }

    private LfsBatch() {
    }

    static void validate(Request request) throws InvalidRequest {
        if (request == null) {
            throw new InvalidRequest("the batch request body is empty");
        }
        if (!"upload".equals(request.operation) && !"download".equals(request.operation)) {
            throw new InvalidRequest("operation must be \"upload\" or \"download\"");
        }
        if (request.transfers != null && !request.transfers.isEmpty() && !request.transfers.contains("basic")) {
            throw new InvalidRequest("only the \"basic\" transfer adapter is supported");
        }
        if (request.objects == null || request.objects.isEmpty()) {
            throw new InvalidRequest("objects must list at least one {oid, size}");
        }
        if (request.objects.size() > MAX_OBJECTS) {
            throw new InvalidRequest("at most " + MAX_OBJECTS + " objects per batch request");
        }
    }

    /**
     * @param objectsUrl absolute URL of {@code …/info/lfs/objects/}, ending with a slash
     * @param authorization the caller's {@code Authorization} header to repeat in actions, or null
     */
    static Response process(Request request, LfsObjectStore store, String objectsUrl, String authorization)
            throws GitException {
        return process(request, store, objectsUrl, authorization, UnaryOperator.identity());
    }

    /** @param uploadHref turns an upload link into the one to answer (e.g. signed) */
    static Response process(Request request, LfsObjectStore store, String objectsUrl, String authorization,
            UnaryOperator<String> uploadHref) throws GitException {
        Response response = new Response();
        boolean upload = request.operation.equals("upload");
        for (ObjectSpec spec : request.objects) {
            ObjectResult result = new ObjectResult();
            result.oid = spec == null ? null : spec.oid;
            result.size = spec == null ? null : spec.size;
            response.objects.add(result);
            if (spec == null || spec.oid == null || !LfsOid.isValid(spec.oid)) {
                result.error = new Error(422, "oid must be a SHA-256 (64 lowercase hex digits)");
                continue;
            }
            if (spec.size == null || spec.size < 0) {
                result.error = new Error(422, "size must be a number of bytes, 0 or more");
                continue;
            }
            LfsOid oid = new LfsOid(spec.oid);
            OptionalLong stored = store.size(oid);
            if (upload) {
                if (spec.size > store.maxObjectBytes()) {
                    result.error = new Error(422, "object of " + spec.size + " bytes exceeds the limit of "
                            + store.maxObjectBytes() + " bytes");
                } else if (stored.isEmpty() || stored.getAsLong() != spec.size) {
                    result.authenticated = Boolean.TRUE;
                    result.actions = new LinkedHashMap<>();
                    Optional<LfsLink> direct = store.uploadLink(oid, spec.size);
                    result.actions.put("upload", direct.isPresent() ? action(direct.get())
                            : action(uploadHref.apply(objectsUrl + oid), authorization));
                    result.actions.put("verify", action(objectsUrl + "verify", authorization));
                }
                // Already stored with this size: no actions tells the client to skip it.
            } else if (stored.isEmpty()) {
                result.error = new Error(404, "object does not exist on the server");
            } else if (stored.getAsLong() != spec.size) {
                result.error = new Error(422, "object has " + stored.getAsLong() + " bytes on the server, not "
                        + spec.size);
            } else {
                result.authenticated = Boolean.TRUE;
                Optional<LfsLink> direct = store.downloadLink(oid, null);
                result.actions = Map.of("download", direct.isPresent() ? action(direct.get())
                        : action(objectsUrl + oid, authorization));
            }
        }
        return response;
    }

    /** A presigned link authorizes itself: an Authorization header beside it would be refused. */
    private static Action action(LfsLink link) {
        Action action = new Action();
        action.href = link.href().toString();
        action.expires_in = (int) Math.min(Integer.MAX_VALUE, link.expiresInSeconds());
        return action;
    }

    private static Action action(String href, String authorization) {
        Action action = new Action();
        action.href = href;
        // JGit's FileLfsRepository writes "Authorization: not:required" here, which breaks
        // authenticated hubs; repeating the caller's own credentials is what the client expects.
        action.header = authorization == null ? null : Map.of("Authorization", authorization);
        return action;
    }
}
