package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.collection.CollectionQuery;
import dev.adapthub.core.collection.CollectionService;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real {@code @huggingface/hub} client on the repository side of the API: {@code whoAmI} with the
 * token and organization fields it types, {@code createRepo} that starts a repository as the Hub
 * does (so a commit with a parent, a pull request and a download work at once), refusals as
 * {@code HubApiError}s that change nothing, {@code deleteRepo}, and the collection functions.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HuggingFaceJsRepoClientTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoFiles files;
    @Autowired OrganizationService organizations;
    @Autowired CollectionService collections;

    @BeforeAll
    void installClient() throws Exception {
        HfJsClient.install();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJavaScriptClientCreatesCommitsCollectsAndDeletes() throws Exception {
        Account person = accounts.create("jsadmin");
        String token = accounts.token(person, TokenScope.WRITE);
        String org = "kit-" + person.name().substring(person.name().length() - 6);
        organizations.create(person.id(), new NewOrganization(org, "Kit makers", null));
        Account other = accounts.create("jsother");
        Repo foreign = repos.create(other, new NewRepo(RepoKind.MODEL, null, "not-yours", false));

        HfJsClient.Result node = HfJsClient.script("repo-admin.mjs", Map.of("HUB_URL", "http://localhost:" + port,
                "HF_TOKEN", token, "REPO_NAME", "kit-model", "FOREIGN_REPO", foreign.fullName()), 180);

        assertThat(node.exitCode()).as(node.output()).isZero();
        Map<String, Object> seen = node.lastJson();
        Map<String, Object> whoami = (Map<String, Object>) seen.get("whoami");
        assertThat(whoami).containsEntry("name", person.name()).containsEntry("type", "user")
                .containsEntry("id", Long.toString(person.id().value())).containsEntry("authType", "access_token")
                .containsEntry("displayName", "test").containsEntry("role", "write")
                .containsEntry("createdAtIsDate", true).containsEntry("emailVerified", false)
                .containsEntry("isPro", false).containsKeys("fullname", "canPay", "avatarUrl", "periodEnd");
        assertThat((List<Map<String, Object>>) whoami.get("orgs")).singleElement().satisfies(o -> assertThat(o)
                .containsEntry("name", org).containsEntry("type", "org").containsEntry("roleInOrg", "admin")
                .containsKey("id"));

        // Straight after createRepo: the Hub's LFS patterns and the license, on a first commit of main.
        assertThat((String) seen.get("gitattributes")).contains("*.safetensors filter=lfs diff=lfs merge=lfs -text\n",
                "saved_model/**/* filter=lfs", "*tfevents* filter=lfs");
        assertThat(seen.get("readme")).isEqualTo("---\nlicense: apache-2.0\n---\n");
        assertThat((String) seen.get("firstCommit")).matches("[0-9a-f]{40}");
        assertThat((String) seen.get("pullRequestUrl")).endsWith("/discussions/1");
        assertThat(seen.get("configBack")).isEqualTo("apiVersion: adapthub/v1\n");
        assertThat(seen).containsEntry("deletedFileExists", false).containsEntry("readmeStillExists", true);

        Map<String, Object> badLicense = (Map<String, Object>) seen.get("badLicense");
        assertThat(badLicense).containsEntry("refused", true).containsEntry("status", 422);
        assertThat((String) badLicense.get("message")).contains("license");
        assertThat(seen.get("badLicenseCreated")).isEqualTo(false);
        assertThat(repos.find(RepoKind.MODEL, person.name(), "kit-model-bad", person)).isEmpty();

        assertThat((Map<String, Object>) seen.get("foreignDelete")).containsEntry("refused", true)
                .containsEntry("status", 403);
        assertThat(seen.get("foreignStillExists")).isEqualTo(true);
        assertThat(repos.find(RepoKind.MODEL, other.name(), "not-yours", other)).isPresent();
        assertThat((Map<String, Object>) seen.get("missingDelete")).containsEntry("refused", true)
                .containsEntry("status", 404);

        String slug = (String) seen.get("slug");
        assertThat(slug).matches(person.name() + "/ascend-910b-kit-[0-9a-f]{24}");
        assertThat(seen.get("addItemStatus")).isEqualTo(200);
        assertThat((List<Map<String, Object>>) seen.get("listedByOwner")).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("slug", slug).containsEntry("title", "Ascend 910B kit")
                    .containsEntry("owner", person.name());
            assertThat((List<Object>) c.get("items")).containsExactly(Map.of("id", person.name() + "/kit-model",
                    "type", "model", "note", "validated on 2 devices"));
        });
        assertThat((List<Object>) seen.get("listedByItem")).containsExactly(slug);
        assertThat((Map<String, Object>) seen.get("duplicateCollection")).containsEntry("refused", true)
                .containsEntry("status", 409);

        // deleteRepo removed the repository, and with it its place in the collection.
        assertThat(seen.get("deletedStillExists")).isEqualTo(false);
        assertThat(repos.find(RepoKind.MODEL, person.name(), "kit-model", person)).isEmpty();
        assertThat((List<Object>) seen.get("listedAfterRepoDeleted")).containsExactly(Map.of("slug", slug, "items", 0));
        assertThat((List<Object>) seen.get("listedAfterDelete")).isEmpty();
        assertThat(collections.list(new CollectionQuery(List.of(person.name()), null, null, null, null, 0), person))
                .isEmpty();
    }
}
