package dev.adapthub.web.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.URI;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The file browser's pages: folders, files, history, a commit's diff, branches and tags. */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowsePagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepositoryStore store;

    BrowseFixture f;

    @BeforeAll
    void createRepository() throws Exception {
        f = new BrowseFixture(accounts.create("browser"), repos, writes, store);
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(URI.create(url))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theRootFolderListsFilesWithSizesAndMarksLfsFilesWithTheirRealSize() throws Exception {
        String tree = page(f.base() + "/tree/main");

        assertThat(tree).contains("href=\"" + f.base() + "/tree/main/src\"")
                .contains("href=\"" + f.base() + "/blob/main/README.md\"")
                .contains("href=\"" + f.base() + "/blob/main/model.safetensors\"")
                .contains("title=\"stored with Git LFS\"")
                .contains(BrowseFixture.WEIGHTS.length + " B");
    }

    @Test
    void eachRowCarriesItsKindAndLinksFoldersToTheirListingAndFilesToTheirPage() throws Exception {
        Document tree = Jsoup.parse(page(f.base() + "/tree/main"));

        assertThat(tree.select("#tree tr.folder a").eachAttr("href")).contains(f.base() + "/tree/main/src");
        assertThat(tree.select("#tree tr.file a").eachAttr("href")).contains(f.base() + "/blob/main/README.md")
                .noneMatch(href -> href.contains("/tree/"));
        assertThat(tree.select("#tree tr.file:has(a[href$=/model.safetensors]) .badge.lfs")).hasSize(1);
        assertThat(tree.select("#tree tr.folder td.num").eachText()).allMatch(String::isEmpty);
    }

    @Test
    void aSubfolderHasBreadcrumbsAndWorksAtATagAndAtACommitId() throws Exception {
        String atBranch = page(f.base() + "/tree/main/data");
        String atTag = page(f.base() + "/tree/v1/src");
        String atSha = page(f.base() + "/tree/" + f.first.name() + "/src/");

        assertThat(atBranch).contains("id=\"crumbs\"").contains("href=\"" + f.base() + "/tree/main/data\"")
                .contains("blob.bin").contains("big.txt");
        assertThat(atTag).contains("href=\"" + f.base() + "/blob/v1/src/app.py\"");
        assertThat(atSha).contains("href=\"" + f.base() + "/blob/" + f.first.name() + "/src/app.py\"");
    }

    @Test
    void aTextFileIsEscapedWithLineNumbersAndShowsTheRevisionsContent() throws Exception {
        String now = page(f.base() + "/blob/main/src/app.py");
        String atTag = page(f.base() + "/blob/v1/src/app.py");

        assertThat(now).contains("id=\"L1\"").contains("id=\"L2\"").contains("print(&#39;v2&#39;)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(atTag).contains("print(&#39;v1&#39;)").doesNotContain("v2&#39;");
    }

    @Test
    void binaryLargeLfsAndMarkdownFilesGetTheirOwnViews() throws Exception {
        assertThat(page(f.base() + "/blob/main/data/blob.bin")).contains("id=\"binary-file\"")
                .contains("href=\"" + f.base() + "/resolve/main/data/blob.bin\"");
        assertThat(page(f.base() + "/blob/main/data/big.txt")).contains("id=\"large-file\"").doesNotContain("id=\"L1\"");
        assertThat(page(f.base() + "/blob/main/model.safetensors")).contains("Stored with Git LFS")
                .contains(BrowseFixture.WEIGHTS.length + "</span> bytes").contains(f.weightsSha256);
        assertThat(page(f.base() + "/blob/main/README.md")).contains("<h1>Browse me</h1>")
                .contains("href=\"" + f.base() + "/blob/main/src/app.py\"");
    }

    @Test
    void historyIsPaginatedAndCanFollowOneFile() throws Exception {
        String first = page(f.base() + "/commits/main");
        String second = page(f.base() + "/commits/main?page=2");
        String ofApp = page(f.base() + "/commits/main?path=src/app.py");

        assertThat(first).contains("Count " + BrowseFixture.COUNTER_COMMITS).contains("id=\"older\"")
                .doesNotContain(">First files<");
        assertThat(second).contains(">First files<").contains("id=\"newer\"").doesNotContain("id=\"older\"");
        assertThat(ofApp).contains(">Say v2<").contains(">First files<").doesNotContain("Count 1<");
        mvc.perform(get(f.base() + "/commits/main").param("page", "-3")).andExpect(status().is(422));
        mvc.perform(get(f.base() + "/commits/main").param("page", "lots")).andExpect(status().is(422));
    }

    @Test
    void aCommitPageShowsTheChangedLinesColoured() throws Exception {
        String commit = page(f.base() + "/commit/" + f.second.name());

        assertThat(commit).contains("Say v2").contains("src/app.py")
                .containsPattern("<tr class=\"del\"><td><pre>-print\\(&#39;v1&#39;\\)</pre>")
                .containsPattern("<tr class=\"add\"><td><pre>\\+print\\(&#39;v2&#39;\\)</pre>")
                .doesNotContain("id=\"diff-truncated\"");
        mvc.perform(get(f.base() + "/commit/main~1")).andExpect(status().is(422));
        mvc.perform(get(f.base() + "/commit/" + "0".repeat(40))).andExpect(status().isNotFound());
    }

    @Test
    void branchesAndTagsAreListed() throws Exception {
        assertThat(page(f.base() + "/branches")).contains("href=\"" + f.base() + "/tree/main\"").contains("default");
        assertThat(page(f.base() + "/tags")).contains("href=\"" + f.base() + "/tree/v1\"").contains("First files");
    }
}
