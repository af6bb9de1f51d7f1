package dev.adapthub.web.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.adapthub.web.support.SeededHubTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Open Graph tags on model pages, the favicon, and what the layout's head adds to every page. */
@SeededHubTest
class OpenGraphAndFaviconTest {

    static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";
    /** The Tool Center's page size (ToolCenterController.PAGE_SIZE, package-private there). */
    static final int TOOL_PAGE = 50;

    @Autowired MockMvc mvc;

    @Test
    void aModelPageCarriesOpenGraphTagsFromItsCard() throws Exception {
        Document page = html("/" + LLAMA);

        assertThat(meta(page, "property", "og:title")).isEqualTo(LLAMA + " · AdaptHub");
        assertThat(meta(page, "property", "og:type")).isEqualTo("website");
        assertThat(meta(page, "property", "og:url")).isEqualTo("http://localhost/" + LLAMA);
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary");
        // The first paragraph of the README, as text: neither the front matter nor the heading, cut at 200.
        String description = meta(page, "property", "og:description");
        assertThat(description).startsWith("Meta's 8-billion-parameter instruction-tuned Llama 3.1 model: 32 decoder layers, hidden size 4096,")
                .endsWith("…").hasSizeLessThanOrEqualTo(OpenGraph.MAX_DESCRIPTION).doesNotContain("#", "license:", "\n");
        assertThat(page.title()).isEqualTo(LLAMA);
    }

    @Test
    void pagesWithoutOpenGraphStillGetTheFaviconAndNoOgTags() throws Exception {
        Document page = html("/models");
        assertThat(page.select("link[rel=icon]").attr("href")).isEqualTo("/assets/static/favicon.svg");
        assertThat(page.select("link[rel=stylesheet][href$=layout.css]")).hasSize(1);
        assertThat(page.select("meta[property^=og:]")).isEmpty();
    }

    @Test
    void faviconIcoRedirectsToTheSvgIconThatIsServed() throws Exception {
        MvcResult ico = mvc.perform(get("/favicon.ico")).andReturn();
        assertThat(ico.getResponse().getStatus()).isEqualTo(301);
        assertThat(ico.getResponse().getHeader("Location")).isEqualTo("/assets/static/favicon.svg");

        MvcResult svg = mvc.perform(get("/assets/static/favicon.svg")).andReturn();
        assertThat(svg.getResponse().getStatus()).isEqualTo(200);
        assertThat(svg.getResponse().getContentType()).startsWith("image/svg+xml");
        assertThat(svg.getResponse().getContentAsString()).startsWith("<svg");
    }

    @Test
    void theFirstParagraphSkipsHeadingsFencesListsAndMarkup() {
        String markdown = """
                # Title

                ```
                code first
                ```
                - a list item
                ![logo](logo.png)
                A **bold** model, see [the paper](https://x.test/p) and <b>more</b>
                on two lines.

                Second paragraph.
                """;
        assertThat(OpenGraph.firstParagraph(markdown)).isEqualTo("A bold model, see the paper and more on two lines.");
        assertThat(OpenGraph.firstParagraph("# Only a heading\n")).isNull();
        assertThat(OpenGraph.firstParagraph(null)).isNull();
        assertThat(OpenGraph.firstParagraph("word ".repeat(100))).hasSize(OpenGraph.MAX_DESCRIPTION).endsWith("…");
    }

    @Test
    void thePullRequestListIsPagedAndRefusesANegativePage() throws Exception {
        Document first = html("/" + LLAMA + "/pulls?state=all");
        assertThat(first.select("#pr-list li")).isNotEmpty().hasSizeLessThanOrEqualTo(30);
        assertThat(first.select("#pr-pager")).isEmpty();
        Document beyond = html("/" + LLAMA + "/pulls?state=all&page=3");
        assertThat(beyond.select("#pr-list li")).isEmpty();
        assertThat(beyond.select("#pr-previous").attr("href")).contains("state=all").contains("page=2");
        assertThat(beyond.select("#pr-next")).isEmpty();

        MvcResult negative = mvc.perform(get("/" + LLAMA + "/pulls?page=-1")).andReturn();
        assertThat(negative.getResponse().getStatus()).isEqualTo(422);
        assertThat(negative.getResponse().getContentAsString()).contains("page counts from 0");
    }

    @Test
    void branchesAndTagsArePaged() throws Exception {
        Document first = html("/" + LLAMA + "/branches");
        assertThat(first.select("#branches tr")).isNotEmpty();
        assertThat(first.select("#refs-pager")).isEmpty();
        Document beyond = html("/" + LLAMA + "/branches?page=2");
        assertThat(beyond.select("#branches tr")).isEmpty();
        assertThat(beyond.select("#refs-previous").attr("href")).isEqualTo("?page=1");
        assertThat(mvc.perform(get("/" + LLAMA + "/tags?page=-2")).andReturn().getResponse().getStatus()).isEqualTo(422);
    }

    @Test
    void theToolListIsPagedKeepingItsFilters() throws Exception {
        Document first = html("/tools?sort=chips");
        int tools = first.select("#tools tbody tr").size();
        assertThat(tools).isBetween(1, TOOL_PAGE);
        assertThat(first.select("#tools-pager")).isEmpty();
        Document beyond = html("/tools?sort=chips&page=1");
        assertThat(beyond.select("#tools tbody tr")).isEmpty();
        assertThat(beyond.select("#tool-count").text()).isEqualTo(tools + " tools");
        assertThat(beyond.select("#tools-previous").attr("href")).contains("sort=chips").contains("page=0");
    }

    private Document html(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    private static String meta(Document page, String attribute, String key) {
        return page.select("meta[" + attribute + "='" + key + "']").attr("content");
    }
}
