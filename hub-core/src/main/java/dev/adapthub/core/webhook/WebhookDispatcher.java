package dev.adapthub.core.webhook;

import dev.adapthub.core.event.AdaptationChanged;
import dev.adapthub.core.event.CheckCompleted;
import dev.adapthub.core.event.PullRequestChanged;
import dev.adapthub.core.event.RepoChanged;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RefsMoved;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns domain events into deliveries for the hooks that subscribe to them: the repository's own
 * hooks and those of the organization that owns it. Queued just before the event's transaction
 * commits, in it (or at once in a transaction of their own when the event had none, as a
 * {@code git push} has), so an event whose change rolled back is never delivered.
 */
@Component
class WebhookDispatcher {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookRows hooks;
    private final Deliveries deliveries;
    private final RepoService repos;
    private final OrganizationService organizations;

    WebhookDispatcher(WebhookRows hooks, Deliveries deliveries, RepoService repos, OrganizationService organizations) {
        this.hooks = hooks;
        this.deliveries = deliveries;
        this.repos = repos;
        this.organizations = organizations;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(RefsMoved event) {
        repos.findById(event.repoId()).ifPresent(repo -> {
            for (RefsMoved.Move move : event.moves()) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("ref", move.ref());
                payload.put("before", move.oldId().name());
                payload.put("after", move.newId().name());
                payload.put("created", move.oldId().equals(ObjectId.zeroId()));
                payload.put("deleted", move.deleted());
                dispatch(repo, WebhookEvents.PUSH, null, payload, event.actor());
            }
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PullRequestChanged event) {
        repos.findById(event.repoId()).ifPresent(repo -> {
            Map<String, Object> pr = new LinkedHashMap<>();
            pr.put("number", event.number());
            pr.put("title", event.title());
            pr.put("head", Map.of("ref", event.sourceRef(), "sha", event.headCommit()));
            pr.put("base", Map.of("ref", event.targetBranch()));
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("number", event.number());
            payload.put("pull_request", pr);
            if (event.action().equals("reviewed")) {
                payload.put("review", Map.of("state", event.detail()));
            } else if (event.action().equals("merged")) {
                pr.put("merged", true);
                pr.put("merge_method", event.detail());
            }
            dispatch(repo, WebhookEvents.PULL_REQUEST, event.action(), payload, event.actor());
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(CheckCompleted event) {
        repos.findById(event.repoId()).ifPresent(repo -> {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("id", event.checkRunId());
            run.put("name", event.name());
            run.put("head_sha", event.headCommit());
            run.put("status", "completed");
            run.put("conclusion", event.conclusion());
            run.put("summary", event.summary());
            run.put("pull_request_id", event.pullRequestId());
            dispatch(repo, WebhookEvents.CHECK_RUN, "completed", Map.of("check_run", run), null);
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AdaptationChanged event) {
        repos.findById(event.repoId()).ifPresent(repo -> {
            Map<String, Object> adaptation = new LinkedHashMap<>();
            adaptation.put("path", event.path());
            adaptation.put("chip", event.chip());
            adaptation.put("verdict", event.verdict());
            adaptation.put("commit", event.commit());
            adaptation.put("reason", event.reason());
            dispatch(repo, WebhookEvents.ADAPTATION, event.state(), Map.of("adaptation", adaptation), null);
        });
    }

    /** Creation and deletion go to the owning organization's hooks (a repository's own hooks go with it). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(RepoChanged event) {
        if (!event.action().equals("created") && !event.action().equals("deleted")) {
            return;
        }
        Map<String, Object> repository = repository(event.repoId(), event.kind(), event.owner(), event.fullName(),
                event.privateRepo(), null);
        List<Webhook> targets = organizationHooks(event.owner(), WebhookEvents.REPOSITORY);
        send(targets, WebhookEvents.REPOSITORY, event.action(), new LinkedHashMap<>(), repository, event.actor());
    }

    private void dispatch(Repo repo, String event, String action, Map<String, Object> payload, String actor) {
        List<Webhook> targets = new ArrayList<>(hooks.findByRepositoryIdOrderByIdAsc(repo.id()).stream()
                .filter(h -> h.active() && h.subscribes(event)).toList());
        targets.addAll(organizationHooks(repo.owner(), event));
        send(targets, event, action, payload, repository(repo.id(), repo.kind().apiName(), repo.owner(),
                repo.fullName(), repo.isPrivate(), repo.defaultBranch()), actor);
    }

    private void send(List<Webhook> targets, String event, String action, Map<String, Object> payload,
            Map<String, Object> repository, String actor) {
        if (targets.isEmpty()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (action != null) {
            body.put("action", action);
        }
        body.putAll(payload);
        body.put("repository", repository);
        if (actor != null) {
            body.put("sender", Map.of("login", actor));
        }
        deliveries.enqueue(targets, event, action, JSON.writeValueAsString(body));
    }

    private List<Webhook> organizationHooks(String owner, String event) {
        return organizations.findByName(owner)
                .map(org -> hooks.findByOrganizationIdOrderByIdAsc(org.id().value()).stream()
                        .filter(h -> h.active() && h.subscribes(event)).toList())
                .orElse(List.of());
    }

    static Map<String, Object> repository(long id, String kind, String owner, String fullName, boolean privateRepo,
            String defaultBranch) {
        Map<String, Object> repository = new LinkedHashMap<>();
        repository.put("id", id);
        repository.put("full_name", fullName);
        repository.put("name", fullName.substring(fullName.indexOf('/') + 1));
        repository.put("owner", Map.of("login", owner));
        repository.put("kind", kind);
        repository.put("private", privateRepo);
        Optional.ofNullable(defaultBranch).ifPresent(b -> repository.put("default_branch", b));
        return repository;
    }
}
