package dev.adapthub.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store as the session filter sees it, writing a session's last-access time at most
 * once per {@code interval} instead of on every request.
 *
 * <p>Spring Session touches the session of every signed-in request and then saves it; with sessions
 * in the database (the cluster, issue #14) that is one {@code UPDATE spring_session} per page view,
 * 8% of a signed-in page's time (issue #15's profile) and a write on every read. Here a touch less
 * than {@code interval} after the stored one is dropped, so a session that only reads is written
 * once a minute. What that costs: a session may expire up to {@code interval} before its stored
 * idle timeout would end it (a minute early out of 30). Attribute changes (signing in, CSRF tokens,
 * saved requests) are still written on the request that makes them: they travel in the wrapped
 * session's own change set, which this class does not touch.
 *
 * <p>Its sessions also read their attributes through {@link DeserializedAttributes}, which keeps the
 * values it deserialized for each session until that session's stored bytes change.
 */
final class SessionAccessWrites implements FindByIndexNameSessionRepository<SessionAccessWrites.Held> {

    private final FindByIndexNameSessionRepository<Session> store;
    private final Duration interval;
    private final DeserializedAttributes attributes;

    @SuppressWarnings("unchecked")
    SessionAccessWrites(FindByIndexNameSessionRepository<? extends Session> store, Duration interval,
            DeserializedAttributes attributes) {
        // Only sessions this store made come back to it, so the cast never meets a foreign one.
        this.store = (FindByIndexNameSessionRepository<Session>) store;
        this.interval = interval;
        this.attributes = attributes;
    }

    @Override
    public Held createSession() {
        return held(store.createSession());
    }

    @Override
    public void save(Held session) {
        store.save(session.stored);
    }

    @Override
    public Held findById(String id) {
        Session found = store.findById(id);
        return found == null ? null : held(found);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
        attributes.forget(id);
    }

    @Override
    public Map<String, Held> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return store.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> held(e.getValue())));
    }

    private Held held(Session stored) {
        return new Held(stored, interval, attributes);
    }

    /**
     * A stored session whose last-access time moves only when it is {@code interval} old, and whose
     * attribute values are deserialized once per stored form.
     */
    static final class Held implements Session {

        private final Session stored;
        private final Duration interval;
        private final DeserializedAttributes attributes;

        Held(Session stored, Duration interval, DeserializedAttributes attributes) {
            this.stored = stored;
            this.interval = interval;
            this.attributes = attributes;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(interval) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return attributes.reading(stored.getId(), () -> stored.getAttribute(attributeName));
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration maxInactiveInterval) {
            stored.setMaxInactiveInterval(maxInactiveInterval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
