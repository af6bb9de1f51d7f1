package dev.adapthub.core.pull.protection;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.event.ProtectionChanged;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Branch protection rules and pull request options per repository. A repository without stored
 * rules protects its default branch with {@link ProtectionRule#defaultFor}; once a maintainer
 * saves rules, the stored ones apply (the first whose pattern matches, exact names first).
 */
@Service
public class BranchProtections {

    private final ProtectionRows rows;
    private final SettingsRows settings;
    private final RepoService repos;
    private final ApplicationEventPublisher events;

    BranchProtections(ProtectionRows rows, SettingsRows settings, RepoService repos, ApplicationEventPublisher events) {
        this.events = events;
        this.rows = rows;
        this.settings = settings;
        this.repos = repos;
    }

    /** The rules in force, the default one when none is stored. */
    @Transactional(readOnly = true)
    public List<ProtectionRule> rules(Repo repo) {
        List<BranchProtection> stored = rows.findByRepositoryIdOrderByIdAsc(repo.id());
        if (stored.isEmpty()) {
            return List.of(ProtectionRule.defaultFor(repo.defaultBranch()));
        }
        return stored.stream().map(BranchProtection::rule).toList();
    }

    /** The rule protecting {@code branch} (short name), or empty when the branch is unprotected. */
    @Transactional(readOnly = true)
    public Optional<ProtectionRule> ruleFor(Repo repo, String branch) {
        List<ProtectionRule> rules = rules(repo);
        return rules.stream().filter(r -> r.pattern().equals(branch)).findFirst()
                .or(() -> rules.stream().filter(r -> r.matches(branch)).findFirst());
    }

    /** Adds or replaces the rule with the same pattern; maintainers only. */
    @Transactional
    public void save(Account actor, Repo repo, ProtectionRule rule) {
        repos.require(repo, actor, RepoPermission.MAINTAIN);
        materializeDefault(repo);
        rows.findByRepositoryIdAndPattern(repo.id(), rule.pattern())
                .ifPresentOrElse(row -> row.update(rule), () -> rows.save(new BranchProtection(repo.id(), rule)));
        events.publishEvent(new ProtectionChanged(repo.id(), actor.name(), rule.pattern(), "saved", rule.toString()));
    }

    /** Removes a rule; maintainers only. The last rule stays (409): a repository always has one. */
    @Transactional
    public void remove(Account actor, Repo repo, String pattern) {
        repos.require(repo, actor, RepoPermission.MAINTAIN);
        materializeDefault(repo);
        BranchProtection row = rows.findByRepositoryIdAndPattern(repo.id(), pattern)
                .orElseThrow(() -> new NotFoundException("No protection rule for '" + pattern + "'."));
        if (rows.findByRepositoryIdOrderByIdAsc(repo.id()).size() == 1) {
            throw new ConflictException("pattern", "Keep at least one rule; the default branch stays protected.");
        }
        rows.delete(row);
        events.publishEvent(new ProtectionChanged(repo.id(), actor.name(), pattern, "removed", null));
    }

    private void materializeDefault(Repo repo) {
        if (rows.findByRepositoryIdOrderByIdAsc(repo.id()).isEmpty()) {
            rows.saveAndFlush(new BranchProtection(repo.id(), ProtectionRule.defaultFor(repo.defaultBranch())));
        }
    }

    @Transactional(readOnly = true)
    public PullOptions options(Repo repo) {
        return settings.findById(repo.id()).map(PullSettings::options).orElse(PullOptions.DEFAULTS);
    }

    @Transactional
    public void saveOptions(Account actor, Repo repo, PullOptions options) {
        repos.require(repo, actor, RepoPermission.MAINTAIN);
        settings.findById(repo.id()).ifPresentOrElse(row -> row.update(options),
                () -> settings.save(new PullSettings(repo.id(), options)));
        events.publishEvent(new ProtectionChanged(repo.id(), actor.name(), null, "options", options.toString()));
    }
}
