package dev.adapthub.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Session attribute values deserialized once per session and stored form, instead of on every
 * request.
 *
 * <p>The JDBC session store reads a session's attribute bytes on each request and deserializes the
 * ones asked for: the security context on every signed-in request, the CSRF token on every page with
 * a form. That Java deserialization was 14% of a signed-in page's time (issue #15's profile of the
 * pull request list). Here a value is kept under its session id and its exact bytes: while the
 * stored bytes stay the same, the session gets back the object it got before, as an in-memory
 * session store would give it. When another process or request stores different bytes, the next read
 * deserializes them. A value is never shared with another session, even one with equal bytes.
 *
 * <p>Only values that nothing changes in place are kept, so that the kept object always means what
 * the stored bytes mean: strings, CSRF tokens (immutable), and the security context, which Spring
 * Security changes in place only when signing out, and that deletes the session ({@link #forget}).
 */
final class DeserializedAttributes {

    /** Serialized bytes kept at most, over all sessions: a signed-in session holds about 2 KiB. */
    private static final long MAX_BYTES = 4L << 20;

    private final Converter<byte[], Object> deserializer;
    private final Cache<Key, Object> kept;
    private final ThreadLocal<String> readingSession = new ThreadLocal<>();

    DeserializedAttributes(ClassLoader classLoader, Duration idleTimeout) {
        this.deserializer = new DeserializingConverter(classLoader);
        this.kept = Caffeine.newBuilder()
                .maximumWeight(MAX_BYTES)
                .<Key, Object>weigher((key, value) -> key.bytes().length)
                .expireAfterAccess(idleTimeout)
                .build();
    }

    /** What the session store serializes and deserializes attribute values with. */
    ConversionService conversions() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, this::deserialize);
        return conversions;
    }

    /** Reads one of a session's attributes; values deserialized meanwhile are kept for that session. */
    <T> T reading(String sessionId, Supplier<T> read) {
        String outer = readingSession.get();
        readingSession.set(sessionId);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                readingSession.remove();
            } else {
                readingSession.set(outer);
            }
        }
    }

    /** Drops what was kept for a session that was deleted. */
    void forget(String sessionId) {
        kept.asMap().keySet().removeIf(key -> key.sessionId().equals(sessionId));
    }

    private Object deserialize(byte[] bytes) {
        String sessionId = readingSession.get();
        if (sessionId == null) {
            return deserializer.convert(bytes);
        }
        Key key = new Key(sessionId, bytes);
        Object known = kept.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Object value = deserializer.convert(bytes);
        if (changesOnlyByReplacement(value)) {
            kept.put(key, value);
        }
        return value;
    }

    private static boolean changesOnlyByReplacement(Object value) {
        return value instanceof String || value instanceof DefaultCsrfToken
                || value instanceof SecurityContextImpl;
    }

    /** A session and the exact stored bytes of one of its values. */
    private record Key(String sessionId, byte[] bytes) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && sessionId.equals(key.sessionId) && Arrays.equals(bytes, key.bytes);
        }

        /**
         * The session, the length and the last bytes only: hashing all of a security context's bytes
         * cost 10% of a signed-in download (issue #15's profile), while a session holds only a few
         * values and equality still compares every byte.
         */
        @Override
        public int hashCode() {
            int hash = 31 * sessionId.hashCode() + bytes.length;
            for (int i = Math.max(0, bytes.length - 16); i < bytes.length; i++) {
                hash = 31 * hash + bytes[i];
            }
            return hash;
        }

        @Override
        public String toString() {
            return "Key[" + sessionId + ", " + bytes.length + " bytes]";
        }
    }
}
