package dev.adapthub.core.cluster;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing keys that every hub process must share, so a link or cookie one process signed is
 * accepted by all: from {@code hub.secret.<name>} (environment {@code HUB_SECRET_<NAME>}, e.g.
 * {@code HUB_SECRET_LFS_UPLOAD_LINK}) when set, else from the {@code cluster_secret} table, where
 * the first process that needs a key stores 32 random bytes (two processes racing both read the
 * one that won). Never per-process randomness: that would break every link a moment after a load
 * balancer sends the next request elsewhere, and every link at each restart.
 * <p>
 * Rotating a stored key: delete its row and restart every process (links it signed stop working).
 */
@Service
public class ClusterSecrets {

    private static final Logger log = LoggerFactory.getLogger(ClusterSecrets.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,99}");
    /** Configured secrets shorter than this are refused: an HMAC key should not be guessable. */
    static final int MIN_CONFIGURED_LENGTH = 32;

    private final JdbcTemplate jdbc;
    private final Environment environment;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    ClusterSecrets(JdbcTemplate jdbc, Environment environment, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // A key is cached once read, so it is stored in a transaction of its own that no caller's rollback undoes.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * The key called {@code name} (lower case, digits and dashes).
     *
     * @throws IllegalStateException when a configured secret is shorter than 32 characters
     */
    public byte[] key(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a secret's name is lower case letters, digits and dashes: " + name);
        }
        return keys.computeIfAbsent(name, this::load).clone();
    }

    private byte[] load(String name) {
        String property = "hub.secret." + name;
        String configured = environment.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < MIN_CONFIGURED_LENGTH) {
                throw new IllegalStateException(property + " (HUB_SECRET_" + name.toUpperCase().replace('-', '_')
                        + ") must be at least " + MIN_CONFIGURED_LENGTH + " characters; it has " + configured.length());
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        return stored(name).orElseGet(() -> generate(name));
    }

    private java.util.Optional<byte[]> stored(String name) {
        List<String> found = jdbc.queryForList("SELECT secret FROM cluster_secret WHERE name = ?", String.class, name);
        return found.stream().findFirst().map(Base64.getDecoder()::decode);
    }

    private byte[] generate(String name) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO cluster_secret (name, secret, created_at) VALUES (?, ?, ?)", name, Base64.getEncoder().encodeToString(key), Timestamp.from(clock.instant())));
            log.info("Generated the signing key '{}' and stored it for every hub process.", name);
            return key;
        } catch (DuplicateKeyException raced) {
            return stored(name).orElseThrow(() -> new IllegalStateException("secret " + name + " vanished", raced));
        }
    }
}
