package dev.adapthub.core.webhook;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.event.Audited;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationId;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks of repositories (managed by their maintainers) and of organizations (by their owners):
 * create (the secret is shown once), enable or disable, delete, and the delivery log with
 * "redeliver". Every change is announced for the audit log.
 */
@Service
public class WebhookService {

    /** Hooks per repository or organization. */
    public static final int MAX_HOOKS = 20;
    /** Deliveries the log shows per hook, newest first. */
    public static final int LOG_SIZE = 50;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookRows hooks;
    private final DeliveryRows deliveryRows;
    private final AttemptRows attempts;
    private final Deliveries deliveries;
    private final TargetGuard guard;
    private final RepoService repos;
    private final OrganizationService organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookService(WebhookRows hooks, DeliveryRows deliveryRows, AttemptRows attempts, Deliveries deliveries,
            TargetGuard guard, RepoService repos, OrganizationService organizations, ApplicationEventPublisher events,
            Clock clock) {
        this.hooks = hooks;
        this.deliveryRows = deliveryRows;
        this.attempts = attempts;
        this.deliveries = deliveries;
        this.guard = guard;
        this.repos = repos;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds a hook to a repository; maintainers only. Refused (422) when the URL is malformed or
     * points inside the network, or an event is unknown; nothing is stored then.
     *
     * @param subscribed event names from {@link WebhookEvents#ALL}; empty for all of them
     */
    @Transactional
    public NewWebhook create(Account actor, Repo repo, String url, List<String> subscribed) {
        repos.require(repo, actor, RepoPermission.MAINTAIN);
        if (hooks.findByRepositoryIdOrderByIdAsc(repo.id()).size() >= MAX_HOOKS) {
            throw new InvalidInputException("url", repo.fullName() + " has " + MAX_HOOKS + " webhooks; delete one first.");
        }
        return save(actor, repo.id(), null, repo.owner(), url, subscribed);
    }

    /** Adds a hook to an organization (all its repositories); its owners only. */
    @Transactional
    public NewWebhook create(Account actor, Organization organization, String url, List<String> subscribed) {
        requireOwner(actor, organization);
        if (hooks.findByOrganizationIdOrderByIdAsc(organization.id().value()).size() >= MAX_HOOKS) {
            throw new InvalidInputException("url", organization.name() + " has " + MAX_HOOKS
                    + " webhooks; delete one first.");
        }
        return save(actor, null, organization.id().value(), organization.name(), url, subscribed);
    }

    private NewWebhook save(Account actor, Long repoId, Long organizationId, String owner, String url,
            List<String> subscribed) {
        List<String> chosen = events(subscribed);
        String checked = guard.check(url).uri().toString();
        String secret = "whsec_" + HexFormat.of().formatHex(bytes(24));
        Webhook hook = hooks.saveAndFlush(new Webhook(repoId, organizationId, checked, secret, chosen, actor.name(),
                clock.instant()));
        audit(actor, hook, owner, "created", "events " + String.join(",", chosen));
        Map<String, Object> ping = new LinkedHashMap<>();
        ping.put("zen", "Adapt once, run on every chip.");
        ping.put("hook_id", hook.id());
        ping.put("hook", Map.of("url", hook.url(), "events", hook.events()));
        deliveries.enqueue(List.of(hook), WebhookEvents.PING, null, JSON.writeValueAsString(ping));
        return new NewWebhook(hook, secret);
    }

    private byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static List<String> events(List<String> subscribed) {
        List<String> chosen = new ArrayList<>();
        for (String event : subscribed == null ? List.<String>of() : subscribed) {
            String name = event == null ? "" : event.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || chosen.contains(name)) {
                continue;
            }
            if (!WebhookEvents.ALL.contains(name)) {
                throw new InvalidInputException("events", "Unknown event '" + event + "'; choose from "
                        + String.join(", ", WebhookEvents.ALL) + ".");
            }
            chosen.add(name);
        }
        return chosen.isEmpty() ? WebhookEvents.ALL : chosen;
    }

    @Transactional(readOnly = true)
    public List<Webhook> of(Account viewer, Repo repo) {
        repos.require(repo, viewer, RepoPermission.MAINTAIN);
        return hooks.findByRepositoryIdOrderByIdAsc(repo.id());
    }

    @Transactional(readOnly = true)
    public List<Webhook> of(Account viewer, Organization organization) {
        requireOwner(viewer, organization);
        return hooks.findByOrganizationIdOrderByIdAsc(organization.id().value());
    }

    /** A hook the viewer manages; 404 for any other (so ids reveal nothing). */
    @Transactional(readOnly = true)
    public Webhook get(Account viewer, long hookId) {
        Webhook hook = hooks.findById(hookId).orElseThrow(() -> notFound(hookId));
        requireManager(viewer, hook);
        return hook;
    }

    @Transactional
    public Webhook setActive(Account actor, long hookId, boolean active) {
        Webhook hook = get(actor, hookId);
        if (hook.active() != active) {
            hook.setActive(active);
            audit(actor, hook, ownerOf(hook), active ? "enabled" : "disabled", null);
        }
        return hook;
    }

    @Transactional
    public void delete(Account actor, long hookId) {
        Webhook hook = get(actor, hookId);
        audit(actor, hook, ownerOf(hook), "deleted", null);
        hooks.delete(hook);
    }

    /** The hook's latest deliveries, newest first. */
    @Transactional(readOnly = true)
    public List<Delivery> deliveries(Account viewer, long hookId) {
        Webhook hook = get(viewer, hookId);
        return deliveryRows.findByWebhookIdOrderByIdDesc(hook.id(), PageRequest.of(0, LOG_SIZE));
    }

    /** Every attempt of a delivery of a hook the viewer manages. */
    @Transactional(readOnly = true)
    public List<Attempt> attempts(Account viewer, long hookId, long deliveryId) {
        Delivery delivery = delivery(viewer, hookId, deliveryId);
        return attempts.findByDeliveryIdOrderByAttemptAsc(delivery.id());
    }

    /** Sends a delivery again now, as one more attempt. */
    @Transactional
    public void redeliver(Account actor, long hookId, long deliveryId) {
        Delivery delivery = delivery(actor, hookId, deliveryId);
        Webhook hook = get(actor, hookId);
        if (!hook.active()) {
            throw new InvalidInputException("hook", "The hook is disabled; enable it before redelivering.");
        }
        deliveries.redeliver(delivery);
        audit(actor, hook, ownerOf(hook), "redelivered", "delivery " + delivery.guid());
    }

    private Delivery delivery(Account viewer, long hookId, long deliveryId) {
        Webhook hook = get(viewer, hookId);
        return deliveryRows.findById(deliveryId).filter(d -> d.webhookId() == hook.id())
                .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId + " of webhook " + hookId + "."));
    }

    private void requireManager(Account viewer, Webhook hook) {
        if (hook.repositoryId() != null) {
            Repo repo = repos.findById(hook.repositoryId()).orElseThrow(() -> notFound(hook.id()));
            if (!repos.permission(repo, viewer).allows(RepoPermission.MAINTAIN)) {
                throw notFound(hook.id());
            }
        } else if (viewer == null || !viewer.isAdmin() && organizations.roleOf(new OrganizationId(
                hook.organizationId()), viewer.id()).filter(r -> r.atLeast(Role.OWNER)).isEmpty()) {
            throw notFound(hook.id());
        }
    }

    private void requireOwner(Account actor, Organization organization) {
        boolean owner = actor != null && organizations.roleOf(organization.id(), actor.id())
                .filter(r -> r.atLeast(Role.OWNER)).isPresent();
        if (!owner && (actor == null || !actor.isAdmin())) {
            throw new ForbiddenException("Only the owners of " + organization.name() + " manage its webhooks.");
        }
    }

    private String ownerOf(Webhook hook) {
        if (hook.repositoryId() != null) {
            return repos.findById(hook.repositoryId()).map(Repo::owner).orElse(null);
        }
        return organizations.all().stream().filter(o -> o.id().value() == hook.organizationId()).findFirst()
                .map(Organization::name).orElse(null);
    }

    private void audit(Account actor, Webhook hook, String owner, String action, String details) {
        events.publishEvent(new Audited("webhook", action, actor.name(), hook.repositoryId(),
                hook.repositoryId() == null ? owner : null, "webhook " + hook.id() + " → " + hook.url(), details));
    }

    private static NotFoundException notFound(long hookId) {
        return new NotFoundException("No webhook " + hookId + " that you manage.");
    }
}
