package dev.adapthub.web.git;

import dev.adapthub.core.popularity.DownloadCounter;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.RepoSettingsService;
import dev.adapthub.core.repo.push.PushRules;
import dev.adapthub.git.http.GitHttpServlet;
import dev.adapthub.git.http.GitServletFactory;
import dev.adapthub.git.http.LfsServlet;
import org.eclipse.jgit.http.server.GitServlet;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.receive.ReceivePackConfigurator;
import dev.adapthub.git.receive.ReceiveSettings;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.SignedUploadLinks;
import dev.adapthub.web.status.HubMetrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Mounts JGit's smart-HTTP servlet with the Git LFS batch API beside it. Clients use the repository URLs ({@code /owner/name.git});
 * {@link GitHttpFilter} runs after Spring Security and forwards them to the servlet's mount.
 */
@Configuration(proxyBeanMethods = false)
class GitHttpConfiguration {

    @Bean
    ServletRegistrationBean<GitHttpServlet> gitServlet(RepositoryStore store, RepoService repos, PushRules rules,
            CurrentAccount current,
            @Value("${hub.git.max-push-bytes:2147483648}") long maxPushBytes,
            @Value("${hub.git.max-file-bytes:104857600}") long maxFileBytes, LfsStores lfs,
            SignedUploadLinks uploadLinks, PullRequestService pulls, DownloadCounter downloads, HubMetrics metrics,
            RepoSettingsService settings) {
        ReceivePackConfigurator receive = new ReceivePackConfigurator(rules, rules,
                new ReceiveSettings(maxPushBytes, maxFileBytes));
        HubRepositoryLookup lookup = new HubRepositoryLookup(repos);
        GitServlet git = GitServletFactory.create(store, lookup, receive);
        // Fresh clones count as downloads (CloneCounting states the rule).
        git.setUploadPackFactory(new CloneCounting(downloads, metrics));
        GitHttpServlet servlet = new GitHttpServlet(git, new LfsServlet(lfs, lookup,
                new LfsWriteAccess(repos, current, pulls, uploadLinks, settings), uploadLinks), "AdaptHub");
        ServletRegistrationBean<GitHttpServlet> registration = new ServletRegistrationBean<>(servlet,
                GitHttpFilter.MOUNT + "/*");
        registration.setName("git");
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<GitHttpFilter> gitHttpFilter(RepoService repos, CurrentAccount current,
            RepoSettingsService settings) {
        FilterRegistrationBean<GitHttpFilter> registration = new FilterRegistrationBean<>(
                new GitHttpFilter(repos, current, settings));
        // After Spring Security's filter chain (order -100), so the caller is known.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
