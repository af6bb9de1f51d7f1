package dev.adapthub.core.token;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountId;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.common.TextFields;
import dev.adapthub.core.event.TokenChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, checks and revokes personal access tokens.
 *
 * <p>Secrets are 160 random bits, so a plain SHA-256 is the right hash: it cannot be
 * brute-forced, and it lets a presented token be found by an indexed lookup.
 */
@Service
public class AccessTokenService {

    public static final String PREFIX = "ahp_";
    public static final int MAX_NAME = 60;
    public static final int MAX_TOKENS_PER_ACCOUNT = 100;
    /** Last-used times are written at most this often per token, so a busy clone does not write on every request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final AccessTokenRepository tokens;
    private final AccountService accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    AccessTokenService(AccessTokenRepository tokens, AccountService accounts, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Creates a token for {@code owner}.
     *
     * @param expiresInDays {@code null} for no expiry, else 1 to 3650
     */
    @Transactional
    public NewToken create(AccountId owner, String name, TokenScope scope, Integer expiresInDays) {
        String checkedName = TextFields.requiredLine("name", name, MAX_NAME);
        if (scope == null) {
            throw new InvalidInputException("scope", "Choose a scope: read or write.");
        }
        Instant now = clock.instant();
        Instant expiresAt = null;
        if (expiresInDays != null) {
            if (expiresInDays < 1 || expiresInDays > 3650) {
                throw new InvalidInputException("expiresInDays", "Expiry is 1 to 3650 days, or empty for none.");
            }
            expiresAt = now.plus(Duration.ofDays(expiresInDays));
        }
        if (tokens.countByAccountIdAndRevokedAtIsNull(owner.value()) >= MAX_TOKENS_PER_ACCOUNT) {
            throw new InvalidInputException("name", "You have " + MAX_TOKENS_PER_ACCOUNT
                    + " active tokens; revoke one first.");
        }
        return issue(owner, checkedName, scope, expiresAt, generateSecret());
    }

    /** Stores a token with a secret chosen by the operator (HUB_ADMIN_TOKEN); at least 32 characters. */
    @Transactional
    public NewToken createWithSecret(AccountId owner, String name, TokenScope scope, String secret) {
        if (secret == null || secret.length() < 32) {
            throw new InvalidInputException("token", "A preset token has at least 32 characters.");
        }
        return issue(owner, name, scope, null, secret);
    }

    private NewToken issue(AccountId owner, String name, TokenScope scope, Instant expiresAt, String secret) {
        AccessToken token = tokens.save(new AccessToken(owner.value(), name, hash(secret),
                secret.substring(0, Math.min(8, secret.length())), scope, clock.instant(), expiresAt));
        events.publishEvent(new TokenChanged(nameOf(owner), token.id(), name, scope.name().toLowerCase(java.util.Locale.ROOT), "created"));
        return new NewToken(token, secret);
    }

    /**
     * Checks a presented secret. Empty when unknown, revoked or expired; the caller cannot
     * tell which, on purpose.
     */
    @Transactional
    public Optional<TokenGrant> authenticate(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(secret))
                .filter(token -> token.isUsableAt(now))
                .flatMap(token -> {
                    if (token.lastUsedAt() == null
                            || token.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
                        token.markUsed(now);
                    }
                    return accounts.findById(new AccountId(token.accountId()))
                            .map(account -> new TokenGrant(account, token.scope(), token.id()));
                });
    }

    @Transactional(readOnly = true)
    public List<AccessToken> tokensOf(AccountId owner) {
        return tokens.findByAccountIdOrderByCreatedAtDesc(owner.value());
    }

    /** One page of the owner's tokens, newest first (cut and counted in SQL). */
    @Transactional(readOnly = true)
    public Page<AccessToken> tokensOf(AccountId owner, Pageable page) {
        return tokens.findByAccountIdOrderByCreatedAtDescIdDesc(owner.value(), page);
    }

    /** Revokes one of the owner's tokens; someone else's token is "not found". */
    @Transactional
    public void revoke(AccountId owner, long tokenId) {
        AccessToken token = tokens.findById(tokenId)
                .filter(t -> t.accountId() == owner.value())
                .orElseThrow(() -> new NotFoundException("No token " + tokenId + " among your tokens."));
        token.revoke(clock.instant());
        events.publishEvent(new TokenChanged(nameOf(owner), token.id(), token.name(), null, "revoked"));
    }

    private String nameOf(AccountId account) {
        return accounts.findById(account).map(Account::name).orElse("account " + account.value());
    }

    private String generateSecret() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
