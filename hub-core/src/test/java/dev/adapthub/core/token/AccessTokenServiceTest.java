package dev.adapthub.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.core.CoreIntegrationTest;
import dev.adapthub.core.CoreTestApplication;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.account.Registration;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.testsupport.MutableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@CoreIntegrationTest
class AccessTokenServiceTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        CoreTestApplication.postgres(registry);
    }

    @Autowired AccessTokenService tokens;
    @Autowired AccessTokenRepository repository;
    @Autowired AccountService accounts;
    @Autowired MutableClock clock;

    private Account newAccount() {
        return accounts.register(new Registration("t" + UUID.randomUUID().toString().substring(0, 8),
                "t@example.org", "a long password"));
    }

    @Test
    void storesOnlyAHashAndAuthenticatesTheSecretOnce() {
        Account owner = newAccount();
        NewToken created = tokens.create(owner.id(), "laptop git", TokenScope.WRITE, null);

        AccessToken stored = repository.findById(created.token().id()).orElseThrow();
        assertThat(created.secret()).startsWith("ahp_").hasSizeGreaterThan(30);
        assertThat(stored.prefix()).isEqualTo(created.secret().substring(0, 8));
        assertThat(repository.findByTokenHash(created.secret())).isEmpty();
        assertThat(tokens.authenticate(created.secret())).hasValueSatisfying(grant -> {
            assertThat(grant.account().id()).isEqualTo(owner.id());
            assertThat(grant.scope()).isEqualTo(TokenScope.WRITE);
        });
        assertThat(repository.findById(created.token().id()).orElseThrow().lastUsedAt()).isNotNull();
        assertThat(tokens.authenticate(created.secret() + "x")).isEmpty();
    }

    @Test
    void revokedAndExpiredTokensNoLongerWork() {
        Account owner = newAccount();
        NewToken revoked = tokens.create(owner.id(), "old", TokenScope.READ, null);
        NewToken expiring = tokens.create(owner.id(), "short-lived", TokenScope.READ, 1);

        tokens.revoke(owner.id(), revoked.token().id());
        assertThat(tokens.authenticate(revoked.secret())).isEmpty();
        assertThat(tokens.authenticate(expiring.secret())).isPresent();

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(tokens.authenticate(expiring.secret())).isEmpty();
    }

    @Test
    void nobodyRevokesSomeoneElsesToken() {
        Account owner = newAccount();
        Account stranger = newAccount();
        NewToken token = tokens.create(owner.id(), "mine", TokenScope.READ, null);

        assertThatThrownBy(() -> tokens.revoke(stranger.id(), token.token().id())).isInstanceOf(NotFoundException.class);
        assertThat(tokens.authenticate(token.secret())).isPresent();
    }

    @Test
    void refusesBadTokenFormsWithTheFieldNamed() {
        Account owner = newAccount();
        long before = repository.count();

        assertThatThrownBy(() -> tokens.create(owner.id(), " ", TokenScope.READ, null))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> tokens.create(owner.id(), "n".repeat(61), TokenScope.READ, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("At most 60");
        assertThatThrownBy(() -> tokens.create(owner.id(), "ok", null, null))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("scope");
        assertThatThrownBy(() -> tokens.create(owner.id(), "ok", TokenScope.READ, 0))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("expiresInDays");
        assertThat(repository.count()).isEqualTo(before);
    }
}
