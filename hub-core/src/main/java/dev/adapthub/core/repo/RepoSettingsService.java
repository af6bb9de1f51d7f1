package dev.adapthub.core.repo;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.namespace.NamespaceService;
import dev.adapthub.core.namespace.Names;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes what the Hugging Face API calls a repository's settings (visibility, gating, whether new
 * discussions are accepted), moves a repository to another name or owner (the old address keeps
 * redirecting), and decides whether a gated repository's files may be downloaded.
 */
@Service
public class RepoSettingsService {

    private static final Logger log = LoggerFactory.getLogger(RepoSettingsService.class);

    private final Repos repos;
    private final RepoRedirects redirects;
    private final RepoAccess access;
    private final RepoService service;
    private final NamespaceService namespaces;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RepoSettingsService(Repos repos, RepoRedirects redirects, RepoAccess access, RepoService service,
            NamespaceService namespaces, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.repos = repos;
        this.redirects = redirects;
        this.access = access;
        this.service = service;
        this.namespaces = namespaces;
        this.clock = clock;
    }

    /** Applies the non-null fields of {@code change}; needs admin rights, as renaming and deleting do. */
    @Transactional
    public Repo update(Account actor, Repo repo, RepoSettings change) {
        service.require(repo, actor, RepoPermission.ADMIN);
        if (change.isEmpty()) {
            throw new InvalidInputException("body", "Send at least one setting: private, gated or discussionsDisabled.");
        }
        Repo managed = repos.findById(repo.id()).orElseThrow();
        String before = "private=" + managed.isPrivate() + ", gated=" + managed.gated() + ", discussionsDisabled="
                + managed.discussionsDisabled();
        boolean wasPrivate = managed.isPrivate();
        managed.changeSettings(
                change.privateRepo() == null ? managed.isPrivate() : change.privateRepo(),
                change.gated() == null ? managed.gated() : change.gated(),
                change.discussionsDisabled() == null ? managed.discussionsDisabled() : change.discussionsDisabled(),
                clock.instant());
        log.info("{} changed the settings of {}: private={}, gated={}, discussionsDisabled={}", actor.name(),
                managed.fullName(), managed.isPrivate(), managed.gated(), managed.discussionsDisabled());
        events.publishEvent(RepoService.changed(managed, actor, wasPrivate != managed.isPrivate() ? "visibility"
                : "settings", before + " → private=" + managed.isPrivate() + ", gated=" + managed.gated()
                + ", discussionsDisabled=" + managed.discussionsDisabled()));
        return managed;
    }

    /**
     * Moves {@code repo} to {@code toOwner/toName}. Within the same owner this is the hub's rename;
     * to another owner it needs admin rights on the repository and write rights under the new owner.
     * Either way the old address redirects to the new one.
     */
    @Transactional
    public Repo move(Account actor, Repo repo, String toOwner, String toName) {
        service.require(repo, actor, RepoPermission.ADMIN);
        String name = RepoNames.requireValid("toRepo", toName);
        String owner = namespaces.find(toOwner == null ? "" : toOwner.strip())
                .orElseThrow(() -> new InvalidInputException("toRepo", "No user or organization named '" + toOwner
                        + "' to move the repository to."))
                .name();
        if (Names.lower(owner).equals(Names.lower(repo.owner()))) {
            return service.rename(actor, repo, name);
        }
        if (!access.ownerPermission(owner, actor).allows(RepoPermission.WRITE)) {
            throw new ForbiddenException("You may not create repositories under '" + owner + "', so you may not move "
                    + repo.fullName() + " there.");
        }
        if (repos.findByKindAndOwnerLowerAndNameLower(repo.kind(), Names.lower(owner), RepoNames.lower(name))
                .isPresent()) {
            throw new ConflictException("toRepo", "A " + repo.kind().apiName() + " repository " + owner + "/" + name
                    + " exists already.");
        }
        Repo managed = repos.findById(repo.id()).orElseThrow();
        String from = managed.fullName();
        redirects.save(new RepoRedirect(managed.kind(), Names.lower(managed.owner()), RepoNames.lower(managed.name()),
                managed.id(), clock.instant()));
        managed.moveTo(owner, name, clock.instant());
        repos.flush();
        log.info("{} moved {} {} to {}", actor.name(), managed.kind(), from, managed.fullName());
        events.publishEvent(RepoService.changed(managed, actor, "moved", "from " + from));
        return managed;
    }

    /** Whether {@code viewer} (null: anonymous) may download the files of a repository they may read. */
    public GateDecision gate(Repo repo, Account viewer) {
        return switch (repo.gated()) {
            case NONE -> GateDecision.OPEN;
            case AUTO -> viewer == null ? GateDecision.SIGN_IN : GateDecision.OPEN;
            case MANUAL -> viewer == null ? GateDecision.SIGN_IN
                    : access.permission(repo, viewer).allows(RepoPermission.WRITE) ? GateDecision.OPEN
                    : GateDecision.REFUSED;
        };
    }

    /** The answer of {@link #gate}. */
    public enum GateDecision {
        /** Download allowed. */
        OPEN,
        /** Anonymous caller: sign in (with a token) to download. */
        SIGN_IN,
        /** Signed in, but a manually gated repository admits only those with write access. */
        REFUSED
    }
}
