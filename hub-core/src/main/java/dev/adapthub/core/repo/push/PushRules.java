package dev.adapthub.core.repo.push;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.event.PushRefused;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RefsMoved;
import dev.adapthub.core.repo.content.RepoIndexer;
import dev.adapthub.git.receive.PostReceiveListener;
import dev.adapthub.git.receive.PushContext;
import dev.adapthub.git.receive.PushPolicy;
import dev.adapthub.git.receive.PushVerdict;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Who may move which ref with {@code git push}: writers push to ordinary branches and tags;
 * the default branch is protected, so only maintainers push to it directly (everyone else
 * proposes a pull request); nobody deletes it. Features add their own rules as {@link PushGuard}s
 * (branch protection, pull request heads), asked first. A ref update these rules allow is still
 * refused when it introduces a Git LFS pointer to an object never uploaded ({@link LfsPointers}).
 * After a push, the repository's index is refreshed.
 */
@Component
public class PushRules implements PushPolicy, PostReceiveListener {

    private static final Logger log = LoggerFactory.getLogger(PushRules.class);

    private final RepoService repos;
    private final AccountService accounts;
    private final RepoIndexer indexer;
    private final ApplicationEventPublisher events;
    private final List<PushGuard> guards;
    private final LfsPointers pointers;

    PushRules(RepoService repos, AccountService accounts, RepoIndexer indexer, ApplicationEventPublisher events,
            List<PushGuard> guards, LfsPointers pointers) {
        this.guards = guards;
        this.pointers = pointers;
        this.repos = repos;
        this.accounts = accounts;
        this.indexer = indexer;
        this.events = events;
    }

    @Override
    public PushVerdict check(PushContext context, ReceiveCommand command) {
        Optional<Repo> found = repos.findByStorage(context.repository());
        Optional<Account> account = accounts.findByName(context.user());
        if (found.isEmpty() || account.isEmpty()) {
            return PushVerdict.reject("repository not found");
        }
        Repo repo = found.get();
        PushVerdict verdict = rules(repo, account.get(), command);
        if (verdict.allowed()) {
            // After the rules, so nobody learns about a repository's LFS store from a push they may not make.
            verdict = pointers.refusal(repo, command).map(PushVerdict::reject).orElse(verdict);
        }
        if (!verdict.allowed()) {
            events.publishEvent(new PushRefused(repo.id(), context.user(), command.getRefName(),
                    command.getOldId().name(), command.getNewId().name(),
                    command.getType() == ReceiveCommand.Type.UPDATE_NONFASTFORWARD, verdict.message()));
        }
        return verdict;
    }

    private PushVerdict rules(Repo repo, Account account, ReceiveCommand command) {
        RepoPermission permission = repos.permission(repo, account);
        String ref = command.getRefName();
        String defaultRef = "refs/heads/" + repo.defaultBranch();
        if (!permission.allows(RepoPermission.READ)) {
            return PushVerdict.reject("repository not found");
        }
        for (PushGuard guard : guards) {
            Optional<PushVerdict> verdict = guard.check(repo, account, permission, command);
            if (verdict.isPresent()) {
                return verdict.get();
            }
        }
        if (ref.startsWith("refs/pr/")) {
            return PushVerdict.reject(ref + " is a pull request head managed by the hub: open a pull request,"
                    + " then push to the refs/pr/{n} it names");
        }
        if (!permission.allows(RepoPermission.WRITE)) {
            return PushVerdict.reject("you may read " + repo.fullName() + " but not push to it: ask a maintainer for"
                    + " write access, or open a pull request");
        }
        if (ref.equals(defaultRef)) {
            if (command.getType() == ReceiveCommand.Type.DELETE) {
                return PushVerdict.reject(defaultRef + " is the default branch and cannot be deleted");
            }
            if (!permission.allows(RepoPermission.MAINTAIN)) {
                return PushVerdict.reject(defaultRef + " is protected: only maintainers push to it directly;"
                        + " push another branch and open a pull request");
            }
            if (command.getType() == ReceiveCommand.Type.UPDATE_NONFASTFORWARD) {
                return PushVerdict.reject(defaultRef + " is protected: force-pushes are not allowed");
            }
        }
        if (!ref.startsWith("refs/heads/") && !ref.startsWith("refs/tags/")) {
            return PushVerdict.reject(ref + " is managed by the hub; push branches or tags");
        }
        return PushVerdict.allow();
    }

    @Override
    public void onPushed(PushContext context, List<ReceiveCommand> applied) {
        repos.findByStorage(context.repository()).ifPresent(repo -> {
            indexer.refresh(repo);
            log.info("{} pushed {} ref(s) to {}", context.user(), applied.size(), repo.fullName());
            events.publishEvent(new RefsMoved(repo.id(), context.user(), applied.stream()
                    .map(c -> new RefsMoved.Move(c.getRefName(), c.getOldId(), c.getNewId())).toList()));
        });
    }
}
