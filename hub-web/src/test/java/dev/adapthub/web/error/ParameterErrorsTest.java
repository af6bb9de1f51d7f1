package dev.adapthub.web.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Query parameters Spring cannot bind get a 400 that names the parameter and what it takes, on pages
 * and in the Hugging Face API alike, with a hostile value shown only clipped.
 */
@HubWebTest
class ParameterErrorsTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;

    @Test
    void aPageParameterThatIsNotANumberIsNamedWithWhatItTakes() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/tools").param("page", "abc").accept(MediaType.TEXT_HTML))
                .andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("The parameter &#39;page&#39; must be a whole number up to")
                .contains("not &#39;abc&#39;");
    }

    @Test
    void aHugeValueIsShownClipped() throws Exception {
        String huge = "9".repeat(5_000);
        MockHttpServletResponse page = mvc.perform(get("/tools").param("page", huge).accept(MediaType.TEXT_HTML))
                .andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("9".repeat(40) + "…").doesNotContain("9".repeat(41));
    }

    @Test
    void aRequiredParameterLeftOutIsNamed() throws Exception {
        Account owner = accounts.create("params");
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "params", false));
        MockHttpServletResponse page = mvc.perform(get("/" + repo.urlPath() + "/edit").param("path", "README.md")
                .accept(MediaType.TEXT_HTML).with(user(accounts.principal(owner)))).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("The parameter &#39;branch&#39; is required.");
    }

    @Test
    void theHuggingFaceApiAnswersInItsOwnErrorShape() throws Exception {
        MockHttpServletResponse answer = mvc.perform(get("/api/models").param("limit", "ten")).andReturn()
                .getResponse();

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getContentAsString()).isEqualTo(
                "{\"error\":\"The parameter 'limit' must be a whole number up to 2147483647, not 'ten'.\"}");
        assertThat(answer.getHeader("X-Error-Message")).startsWith("The parameter 'limit'");
    }
}
