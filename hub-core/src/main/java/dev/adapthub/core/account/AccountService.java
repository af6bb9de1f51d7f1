package dev.adapthub.core.account;

import dev.adapthub.core.cluster.ClusterGenerations;
import dev.adapthub.core.cluster.RowsKept;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.namespace.NamespaceKind;
import dev.adapthub.core.namespace.NamespaceService;
import dev.adapthub.core.namespace.Names;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds accounts. Passwords are kept only as hashes. */
@Service
public class AccountService {

    public static final int MIN_PASSWORD = PasswordRule.MIN_LENGTH;
    public static final int MAX_PASSWORD = PasswordRule.MAX_BYTES;
    public static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}<>\"]+@[^@\\s\\p{Cntrl}<>\"]+\\.[^@\\s\\p{Cntrl}<>\"]+");

    /** The {@link ClusterGenerations} topic of {@code accounts} rows. */
    static final String GENERATION = "accounts";

    private final AccountRepository accounts;
    private final NamespaceService namespaces;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final RowsKept<Long, Optional<Account>> rows;

    AccountService(AccountRepository accounts, NamespaceService namespaces, PasswordEncoder passwordEncoder,
            Clock clock, ClusterGenerations generations) {
        this.accounts = accounts;
        this.rows = RowsKept.entries(generations, 10_000, GENERATION);
        this.namespaces = namespaces;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * Creates an account, or throws and creates nothing.
     *
     * @throws InvalidInputException for a bad name, email or password (field named)
     * @throws dev.adapthub.core.common.ConflictException when the name is taken in any case
     */
    @Transactional
    public Account register(Registration registration) {
        return create(registration, false);
    }

    /** Creates the hub's administrator; used once, on first start. */
    @Transactional
    public Account createAdmin(String name, String password) {
        return create(new Registration(name, name + "@localhost.invalid", password), true);
    }

    private Account create(Registration registration, boolean admin) {
        if (admin) {
            Names.requireWellFormed("name", registration.name());
        } else {
            Names.requireValid("name", registration.name());
        }
        String email = requireEmail(registration.email());
        PasswordRule.check(registration.name(), registration.password());
        namespaces.claim("name", registration.name(), NamespaceKind.USER);
        Account account = new Account(registration.name(), email, passwordEncoder.encode(registration.password()),
                admin, clock.instant());
        return accounts.save(account);
    }

    private static String requireEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidInputException("email", "Enter an email address.");
        }
        String trimmed = email.strip();
        if (trimmed.length() > MAX_EMAIL || !EMAIL.matcher(trimmed).matches()) {
            throw new InvalidInputException("email", "Enter an email address like name@example.org (at most "
                    + MAX_EMAIL + " characters).");
        }
        return trimmed;
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByName(String name) {
        return !Names.isWellFormed(name) ? Optional.empty() : accounts.findByNameLower(Names.lower(name));
    }

    @Transactional(readOnly = true)
    public Account getByName(String name) {
        return findByName(name).orElseThrow(() -> new NotFoundException("No user named '" + name + "'."));
    }

    /** The name of the account {@code id}, for pages and answers that show who did something. */
    public Optional<String> name(long id) {
        return findById(new AccountId(id)).map(Account::name);
    }

    /**
     * The account {@code id}. Every signed-in request looks its account up, so outside a transaction
     * the rows are kept until an {@code accounts} row is written ({@code RowWrites}): those are
     * shared, to be read and never changed. Inside a transaction the caller gets its own managed row.
     */
    public Optional<Account> findById(AccountId id) {
        return rows.get(id.value(), () -> accounts.findById(id.value()));
    }

    @Transactional(readOnly = true)
    public boolean adminExists() {
        return accounts.existsByAdminTrue();
    }

    /**
     * Saves the page language the account chose. The web layer checks the tag against the languages
     * the hub offers; here it is only bounded to the column.
     */
    @Transactional
    public void saveLanguage(String name, String languageTag) {
        if (languageTag == null || languageTag.isBlank() || languageTag.length() > 16) {
            throw new InvalidInputException("language", "A language tag such as en or zh-CN, at most 16 characters.");
        }
        getByName(name).language(languageTag);
    }
}
