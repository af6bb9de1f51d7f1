package dev.adapthub.web.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Which language a page comes in (the signed-in account's choice, then the cookie, then
 * Accept-Language, else English) and the footer's switch: it sets the cookie, saves the choice of a
 * signed-in account, returns only to a path on this hub, and refuses an unsupported language with a
 * 400 that names the supported ones and changes nothing.
 */
@HubWebTest
class LanguageSwitchTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts testAccounts;
    @Autowired AccountService accounts;

    private MockHttpServletResponse page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).isEqualTo(200);
        return response;
    }

    private static String lang(MockHttpServletResponse response) throws Exception {
        String html = response.getContentAsString();
        int at = html.indexOf("<html lang=\"");
        return html.substring(at + 12, html.indexOf('"', at + 12));
    }

    @Test
    void theAccountsChoiceBeatsTheCookieWhichBeatsAcceptLanguageAndEnglishIsTheFallback() throws Exception {
        MockHttpServletResponse english = page(get("/chips"));
        assertThat(lang(english)).isEqualTo("en");
        assertThat(english.getContentAsString()).contains(">Models</a>", ">Chips</h1>");

        MockHttpServletResponse fromHeader = page(get("/chips").header("Accept-Language", "fr-FR, zh-CN;q=0.8, en;q=0.5"));
        assertThat(lang(fromHeader)).isEqualTo("zh-CN");
        assertThat(fromHeader.getContentAsString()).contains(">模型</a>", ">芯片</h1>");

        assertThat(lang(page(get("/chips").header("Accept-Language", "fr-FR, de")))).isEqualTo("en");
        assertThat(lang(page(get("/chips").header("Accept-Language", "zh-TW")))).as("Traditional Chinese is not offered")
                .isEqualTo("en");
        assertThat(lang(page(get("/chips").header("Accept-Language", "zh-CN")
                .cookie(new Cookie(HubLocaleResolver.COOKIE, "en"))))).isEqualTo("en");
        assertThat(lang(page(get("/chips").cookie(new Cookie(HubLocaleResolver.COOKIE, "xx-unknown"))
                .header("Accept-Language", "zh-CN")))).as("a cookie naming no offered language is ignored")
                .isEqualTo("zh-CN");

        Account reader = testAccounts.create("lang");
        accounts.saveLanguage(reader.name(), "zh-CN");
        // Signed in for real (form login): the session, kept by Spring Session, is where the choice is cached.
        Cookie session = mvc.perform(formLogin("/login").user(reader.name()).password("a long password"))
                .andReturn().getResponse().getCookie("JSESSIONID");
        assertThat(session).isNotNull();
        MockHttpServletResponse signedIn = page(get("/chips").cookie(session,
                new Cookie(HubLocaleResolver.COOKIE, "en")).header("Accept-Language", "en"));
        assertThat(signedIn.getContentAsString()).contains("id=\"nav-user\"");
        assertThat(lang(signedIn)).isEqualTo("zh-CN");
    }

    @Test
    void theSwitchSetsTheCookieAndReturnsToThePageTheReaderWasOn() throws Exception {
        MockHttpServletResponse page = page(get("/matrix").queryParam("engine", "vllm"));
        assertThat(page.getContentAsString()).contains("id=\"language-switch\"")
                .contains("name=\"return\" value=\"/matrix?engine=vllm\"")
                .as("pages for anonymous readers carry no CSRF token (they are cached and open no session)")
                .doesNotContain("name=\"_csrf\"");

        MockHttpServletResponse switched = mvc.perform(post("/language").param("lang", "zh-CN")
                .param("return", "/matrix?engine=vllm")).andReturn().getResponse();

        assertThat(switched.getStatus()).isEqualTo(303);
        assertThat(switched.getHeader("Location")).isEqualTo("/matrix?engine=vllm");
        Cookie cookie = switched.getCookie(HubLocaleResolver.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getValue()).isEqualTo("zh-CN");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(lang(page(get("/matrix").cookie(cookie)))).isEqualTo("zh-CN");
    }

    @Test
    void aSignedInReadersChoiceIsSavedInTheAccountAndNeedsTheCsrfToken() throws Exception {
        Account reader = testAccounts.create("lang");

        MockHttpServletResponse forged = mvc.perform(post("/language").param("lang", "zh-CN").param("return", "/")
                .with(user(testAccounts.principal(reader)))).andReturn().getResponse();
        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(accounts.getByName(reader.name()).language()).isEmpty();

        MockHttpServletResponse saved = mvc.perform(post("/language").param("lang", "zh-CN").param("return", "/chips")
                .with(user(testAccounts.principal(reader))).with(csrf())).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(303);
        assertThat(accounts.getByName(reader.name()).language()).contains("zh-CN");

        MockHttpServletResponse back = mvc.perform(post("/language").param("lang", "en").param("return", "/chips")
                .with(user(testAccounts.principal(reader))).with(csrf())).andReturn().getResponse();
        assertThat(back.getStatus()).isEqualTo(303);
        assertThat(accounts.getByName(reader.name()).language()).contains("en");
    }

    @Test
    void anUnsupportedLanguageIsA400NamingTheSupportedOnesAndNothingIsSaved() throws Exception {
        Account reader = testAccounts.create("lang");
        accounts.saveLanguage(reader.name(), "zh-CN");

        MockHttpServletResponse refused = mvc.perform(post("/language").param("lang", "fr").param("return", "/chips")
                .with(user(testAccounts.principal(reader))).with(csrf()).header("Accept-Language", "en"))
                .andReturn().getResponse();
        refused.setCharacterEncoding("UTF-8");

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getCookie(HubLocaleResolver.COOKIE)).isNull();
        assertThat(accounts.getByName(reader.name()).language()).contains("zh-CN");
        String html = refused.getContentAsString();
        assertThat(html).contains("id=\"supported-languages\"").contains("<code>en</code>", "<code>zh-CN</code>")
                .contains("English", "中文").contains("href=\"/chips\"");

        MockHttpServletResponse anonymous = mvc.perform(post("/language").param("return", "/"))
                .andReturn().getResponse();
        anonymous.setCharacterEncoding("UTF-8");
        assertThat(anonymous.getStatus()).isEqualTo(400);
        assertThat(anonymous.getContentAsString()).contains("The hub has no pages in");
    }

    @Test
    void theSwitchNeverSendsTheReaderOffTheHub() throws Exception {
        for (String away : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example",
                "javascript:alert(1)", "evil.example", "/ok\r\nSet-Cookie: x=y", "/%0d%0a", ""}) {
            MockHttpServletResponse r = mvc.perform(post("/language").param("lang", "en").param("return", away))
                    .andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(303);
            assertThat(r.getHeader("Location")).as(away).isIn("/", "/%0d%0a");
        }
        assertThat(ReturnPaths.local("/models?sort=likes&q=a%20b")).isEqualTo("/models?sort=likes&q=a%20b");
        assertThat(ReturnPaths.local("/x#frag")).isEqualTo("/");
    }
}
