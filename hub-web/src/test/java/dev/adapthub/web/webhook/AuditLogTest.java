package dev.adapthub.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.audit.AuditEntry;
import dev.adapthub.core.audit.AuditFilter;
import dev.adapthub.core.audit.AuditLog;
import dev.adapthub.core.audit.AuditRecord;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullMerges;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.pull.ReviewVerdict;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.RepoSettings;
import dev.adapthub.core.repo.RepoSettingsService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.AccessTokenService;
import dev.adapthub.core.token.NewToken;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.merge.MergeMethod;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log on PostgreSQL: what it records (sign-ins that failed, refused force pushes,
 * repository and membership changes), that failures survive a rollback while rolled-back changes
 * leave no entry, who sees which part, filters and CSV/JSON export, and 4xx for bad filters.
 */
@HooksTest
class AuditLogTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired AccountService accountService;
    @Autowired RepoService repos;
    @Autowired RepoSettingsService settings;
    @Autowired OrganizationService organizations;
    @Autowired AuditLog audit;
    @Autowired TransactionTemplate tx;
    @Autowired MockMvc mvc;
    @Autowired AccessTokenService tokens;
    @Autowired RepoWrites writes;
    @Autowired PullRequestService pulls;
    @Autowired PullMerges merges;

    Account admin() {
        return accountService.findByName("admin").orElseThrow();
    }

    @Test
    void aFailedSignInIsRecordedWithItsAddressForAdministratorsOnly() throws Exception {
        String name = "nobody-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "wrong guess"));

        List<AuditEntry> entries = audit.all(admin(), new AuditFilter(name, "auth", null, null, null, 10));
        assertThat(entries).extracting(AuditEntry::kind).containsExactly("auth.sign_in_failed");
        assertThat(entries.get(0).ip()).isEqualTo("127.0.0.1");
        Account someone = accounts.create("someone");
        assertThat(mvc.perform(get("/settings/audit").with(user(accounts.principal(someone)))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/settings/audit")).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get("/settings/audit").param("actor", name).with(user(accounts.principal(admin()))))
                .andReturn().getResponse().getContentAsString()).contains("auth.sign_in_failed").contains(name);
    }

    @Test
    void signInsTokensMembershipsAndMergesAreRecordedAsTheyHappen() throws Exception {
        Account owner = accounts.create("keeper");
        Account member = accounts.create("joiner");
        mvc.perform(post("/login").with(csrf()).param("username", owner.name()).param("password", "a long password"));
        NewToken token = tokens.create(owner.id(), "ci", TokenScope.READ, null);
        tokens.revoke(owner.id(), token.token().id());
        Organization org = organizations.create(owner.id(), new NewOrganization("aud-" + UUID.randomUUID().toString()
                .substring(0, 6), null, null));
        organizations.setRole(org.id(), owner.id(), member.name(), Role.MEMBER);
        organizations.setRole(org.id(), owner.id(), member.name(), Role.MAINTAINER);
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, org.name(), "audited", false));
        writes.commit(repo, owner, "main", ObjectId.zeroId(), "Seed", List.of(new FileChange.Put("README.md",
                Content.of("# Seed\n".getBytes(StandardCharsets.UTF_8)))));
        PullRequest pr = pulls.openWithChanges(member, repo, NewPullRequest.of("Better README", ""), null, "README",
                List.of(new FileChange.Put("README.md", Content.of("# Better\n".getBytes(StandardCharsets.UTF_8)))));
        pulls.review(owner, repo, pr.number(), ReviewVerdict.APPROVE, null);
        merges.merge(owner, repo, pr.number(), MergeMethod.MERGE_COMMIT, null);

        List<String> kinds = audit.all(admin(), new AuditFilter(owner.name(), null, null, null, null, 50)).stream()
                .map(AuditEntry::kind).toList();
        assertThat(kinds).contains("auth.signed_in", "token.created", "token.revoked", "membership.member_added",
                "membership.role_changed", "repository.created", "pull_request.merged", "push.ref_updated");
        assertThat(kinds).doesNotContain("pull_request.opened"); // the PR's own timeline keeps that, not the log
        AuditEntry merged = audit.all(admin(), new AuditFilter(owner.name(), "pull_request.merged", null, null, null,
                10)).get(0);
        assertThat(merged.target()).isEqualTo(repo.fullName() + " #" + pr.number());
        assertThat(merged.details()).contains("Better README");
    }

    @Test
    void failuresAreKeptThroughARollbackAndRolledBackChangesLeaveNoEntry() {
        String marker = "rollback-" + UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            audit.record(new AuditRecord("incident", "opened", "ops", null, null, marker + " change", null));
            audit.recordIndependently(new AuditRecord("auth", "sign_in_failed", "ops", null, null, marker + " failure",
                    null));
            status.setRollbackOnly();
        });

        assertThat(audit.all(admin(), new AuditFilter(null, null, marker, null, null, 10)))
                .extracting(AuditEntry::target).containsExactly(marker + " failure");
    }

    @Test
    void aRefusedForcePushIsRecordedForTheRepositoryMaintainers() throws Exception {
        Account ada = accounts.create("pusher");
        String token = accounts.token(ada, TokenScope.WRITE);
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "force", false));
        WebhookDeliveryTest.push(ada, token, repo, "one", port);
        GitCli git = new GitCli();
        Path work = Files.createTempDirectory("force");
        git.ok(work, "init", "-q", "-b", "main", "other");
        Path other = work.resolve("other");
        Files.writeString(other.resolve("x.txt"), "unrelated\n");
        git.ok(other, "add", ".");
        git.ok(other, "commit", "-q", "-m", "Unrelated history");
        GitCli.Result forced = git.run(other, "push", "-f", "http://" + ada.name() + ":" + token + "@localhost:" + port
                + "/" + repo.urlPath() + ".git", "HEAD:main");
        assertThat(forced.ok()).isFalse();

        List<AuditEntry> entries = audit.ofRepository(ada, repo, new AuditFilter(null, "push", null, null, null, 10));
        assertThat(entries).extracting(AuditEntry::kind).containsExactly("push.force_refused", "push.ref_created");
        assertThat(entries.get(0).target()).isEqualTo(repo.fullName() + " refs/heads/main");
        assertThat(entries.get(0).details()).contains("(force push)").contains("force-pushes are not allowed");
        assertThat(entries.get(0).actor()).isEqualTo(ada.name());
    }

    @Test
    void maintainersSeeTheirRepositoryOwnersTheirOrganizationAndNobodyWhatTheyMayNotRead() throws Exception {
        Account owner = accounts.create("orgowner");
        Account member = accounts.create("member");
        Account stranger = accounts.create("stranger");
        Organization org = organizations.create(owner.id(), new NewOrganization("org-" + UUID.randomUUID()
                .toString().substring(0, 6), null, null));
        organizations.setRole(org.id(), owner.id(), member.name(), Role.MEMBER);
        Repo kept = repos.create(owner, new NewRepo(RepoKind.MODEL, org.name(), "kept", true));
        Repo movedAway = repos.create(owner, new NewRepo(RepoKind.MODEL, org.name(), "moved", true));
        settings.update(owner, kept, new RepoSettings(false, null, null));
        movedAway = settings.move(owner, movedAway, owner.name(), "moved-private");

        String repoLog = "/" + kept.urlPath() + "/settings/audit";
        MockHttpServletResponse mine = mvc.perform(get(repoLog).with(user(accounts.principal(owner)))).andReturn()
                .getResponse();
        assertThat(mine.getStatus()).isEqualTo(200);
        assertThat(mine.getContentAsString()).contains("repository.created").contains("repository.visibility");
        assertThat(status(get(repoLog).with(user(accounts.principal(stranger))))).isEqualTo(403);
        assertThat(status(get("/" + movedAway.urlPath() + "/settings/audit").with(user(accounts.principal(member)))))
                .isEqualTo(404);

        String orgLog = "/organizations/" + org.name() + "/audit";
        String orgPage = mvc.perform(get(orgLog).with(user(accounts.principal(owner)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(orgPage).contains("membership.member_added").contains(member.name()).contains(kept.fullName());
        assertThat(status(get(orgLog).with(user(accounts.principal(member))))).isEqualTo(403);
        assertThat(status(get(orgLog).with(user(accounts.principal(admin()))))).isEqualTo(200);
        // The moved repository is private and now the owner's own: still readable by them, so still listed...
        assertThat(orgPage).contains(org.name() + "/moved");
        // ...but not to another owner of the organization, who cannot read it.
        organizations.setRole(org.id(), owner.id(), member.name(), Role.OWNER);
        String memberView = mvc.perform(get(orgLog).with(user(accounts.principal(member)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(memberView).contains(kept.fullName()).doesNotContain(org.name() + "/moved");
    }

    @Test
    void filtersAndExportsShowTheSameEntries() throws Exception {
        Account bo = accounts.create("exporter");
        Repo repo = repos.create(bo, new NewRepo(RepoKind.MODEL, null, "export", false));
        settings.update(bo, repo, new RepoSettings(true, null, null));
        String log = "/" + repo.urlPath() + "/settings/audit";

        MockHttpServletResponse csv = mvc.perform(get(log).param("format", "csv").param("action", "repository")
                .with(user(accounts.principal(bo)))).andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("attachment").contains(".csv");
        List<String> rows = csv.getContentAsString().lines().toList();
        assertThat(rows.get(0)).isEqualTo("id,time,actor,ip,action,target,details,repository_id");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains("repository.visibility").contains(bo.name());
        assertThat(rows.get(2)).contains("repository.created");

        JsonNode json = JsonMapper.builder().build().readTree(mvc.perform(get(log).param("format", "json")
                .param("action", "repository.created").with(user(accounts.principal(bo)))).andReturn().getResponse()
                .getContentAsString());
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get(0).get("action").asString()).isEqualTo("repository.created");
        assertThat(json.get(0).get("repositoryId").asLong()).isEqualTo(repo.id());

        String future = mvc.perform(get(log).param("from", "2999-01-01").with(user(accounts.principal(bo))))
                .andReturn().getResponse().getContentAsString();
        assertThat(future).contains("id=\"audit-empty\"");
        for (String[] bad : List.of(new String[] {"from", "yesterday"}, new String[] {"to", "2026-13-01"},
                new String[] {"format", "xml"}, new String[] {"action", "DROP TABLE"})) {
            MockHttpServletResponse refused = mvc.perform(get(log).param(bad[0], bad[1])
                    .with(user(accounts.principal(bo)))).andReturn().getResponse();
            assertThat(refused.getStatus()).as(bad[0]).isEqualTo(422);
        }
        MockHttpServletResponse reversed = mvc.perform(get(log).param("from", "2026-12-05").param("to", "2026-12-01")
                .with(user(accounts.principal(bo)))).andReturn().getResponse();
        assertThat(reversed.getStatus()).isEqualTo(422);
        assertThat(reversed.getContentAsString()).contains("must be after");
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
