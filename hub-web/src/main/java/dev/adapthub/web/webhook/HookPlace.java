package dev.adapthub.web.webhook;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.webhook.NewWebhook;
import dev.adapthub.core.webhook.Webhook;
import dev.adapthub.core.webhook.WebhookService;
import java.util.List;

/**
 * Where the hooks of a page live: a repository or an organization. The pages and forms are the
 * same for both; only the title, the addresses and the service calls differ.
 */
record HookPlace(String title, String home, String base, String auditLink, Repo repo, Organization organization) {

    static HookPlace of(Repo repo) {
        return new HookPlace(repo.fullName(), "/" + repo.urlPath(), "/" + repo.urlPath() + "/settings/hooks",
                "/" + repo.urlPath() + "/settings/audit", repo, null);
    }

    static HookPlace of(Organization organization) {
        return new HookPlace(organization.name(), "/" + organization.name(),
                "/organizations/" + organization.name() + "/hooks", "/organizations/" + organization.name() + "/audit",
                null, organization);
    }

    List<Webhook> hooks(WebhookService service, Account viewer) {
        return repo != null ? service.of(viewer, repo) : service.of(viewer, organization);
    }

    NewWebhook create(WebhookService service, Account actor, String url, List<String> events) {
        return repo != null ? service.create(actor, repo, url, events) : service.create(actor, organization, url, events);
    }

    /** Whether a hook belongs here (its id in a URL of another place is a 404). */
    boolean holds(Webhook hook) {
        return repo != null ? hook.repositoryId() != null && hook.repositoryId() == repo.id()
                : hook.organizationId() != null && hook.organizationId() == organization.id().value();
    }
}
