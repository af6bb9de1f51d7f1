package dev.adapthub.core.audit;

import dev.adapthub.core.event.Audited;
import dev.adapthub.core.event.MembershipChanged;
import dev.adapthub.core.event.ProtectionChanged;
import dev.adapthub.core.event.PullRequestChanged;
import dev.adapthub.core.event.PushRefused;
import dev.adapthub.core.event.RepoChanged;
import dev.adapthub.core.event.SignIn;
import dev.adapthub.core.event.TokenChanged;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RefsMoved;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns domain events into audit entries.
 * <p>
 * State changes are written just before their transaction commits ({@code BEFORE_COMMIT}), in it:
 * the change and its entry commit together or not at all. An event published outside a transaction
 * (a {@code git push}, a merge announced after its commit) is written at once in a transaction of its own.
 * Failures (a refused sign-in or push) are written at once in a transaction of their own
 * ({@code REQUIRES_NEW}), so a rollback of whatever refused them cannot take the entry along.
 */
@Component
class AuditListener {

    private final AuditLog log;
    private final RepoService repos;

    AuditListener(AuditLog log, RepoService repos) {
        this.log = log;
        this.repos = repos;
    }

    @EventListener
    void on(SignIn event) {
        log.recordIndependently(new AuditRecord("auth", event.succeeded() ? "signed_in" : "sign_in_failed",
                event.actor(), null, null, "account " + (event.actor() == null ? "(none given)" : event.actor()),
                event.reason()));
    }

    @EventListener
    void on(PushRefused event) {
        log.recordIndependently(repoRecord("push", event.force() ? "force_refused" : "refused", event.actor(),
                event.repoId(), " " + event.ref(), abbreviate(event.oldId()) + " → " + abbreviate(event.newId())
                        + (event.force() ? " (force push)" : "") + ": " + event.reason()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(RefsMoved event) {
        for (RefsMoved.Move move : event.moves()) {
            String action = move.deleted() ? "ref_deleted" : move.oldId().equals(org.eclipse.jgit.lib.ObjectId.zeroId())
                    ? "ref_created" : "ref_updated";
            log.record(repoRecord("push", action, event.actor(), event.repoId(), " " + move.ref(),
                    abbreviate(move.oldId().name()) + " → " + abbreviate(move.newId().name())));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TokenChanged event) {
        log.record(new AuditRecord("token", event.change(), event.actor(), null, null,
                "token " + event.tokenId() + " (" + event.tokenName() + ") of " + event.actor(),
                event.scope() == null ? null : "scope " + event.scope()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(RepoChanged event) {
        log.record(new AuditRecord("repository", event.action(), event.actor(), event.repoId(), event.owner(),
                event.kind() + " " + event.fullName(), event.detail()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ProtectionChanged event) {
        log.record(repoRecord("protection", event.change(), event.actor(), event.repoId(),
                event.pattern() == null ? "" : " branch " + event.pattern(), event.detail()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(MembershipChanged event) {
        String action = switch (event.action()) {
            case "added" -> "member_added";
            case "removed" -> "member_removed";
            default -> "role_changed";
        };
        log.record(new AuditRecord("membership", action, event.actor(), null, event.organization(),
                event.member() + " in " + event.organization(),
                (event.oldRole() == null ? "-" : event.oldRole()) + " → "
                        + (event.newRole() == null ? "-" : event.newRole())));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PullRequestChanged event) {
        if (!event.action().equals("merged") && !event.action().equals("closed")
                && !event.action().equals("reopened")) {
            return; // opening, reviewing and pushing are in the PR's own timeline; the log keeps decisions
        }
        log.record(repoRecord("pull_request", event.action(), event.actor(), event.repoId(),
                " #" + event.number(), event.title() + (event.detail() == null ? "" : " (" + event.detail() + ")")
                        + " into " + event.targetBranch() + " at " + abbreviate(event.headCommit())));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(Audited event) {
        String owner = event.organization();
        String target = event.target();
        if (event.repoId() != null && owner == null) {
            Optional<Repo> repo = repos.findById(event.repoId());
            owner = repo.map(Repo::owner).orElse(null);
        }
        log.record(new AuditRecord(event.category(), event.action(), event.actor(), event.repoId(), owner, target,
                event.details()));
    }

    private AuditRecord repoRecord(String category, String action, String actor, long repoId, String suffix,
            String details) {
        Optional<Repo> repo = repos.findById(repoId);
        String name = repo.map(Repo::fullName).orElse("repository " + repoId);
        return new AuditRecord(category, action, actor, repoId, repo.map(Repo::owner).orElse(null), name + suffix,
                details);
    }

    private static String abbreviate(String id) {
        return id == null ? "-" : id.length() > 12 ? id.substring(0, 12) : id;
    }
}
