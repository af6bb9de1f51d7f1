package dev.adapthub.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.account.AccountService;
import dev.adapthub.web.support.HubWebTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The sign-up form refuses the user name and common passwords with a message at the password field. */
@HubWebTest
class RegistrationPasswordTest {

    private static final Pattern PASSWORD_INPUT = Pattern.compile("<input id=\"password\"[^>]*>");

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "{name}|not your user name",
            "{NAME}|not your user name",
            "{name}123|not your user name",
            "1234567890|most common passwords",
            "qwertyuiop|most common passwords",
            "Password2024!|most common passwords"})
    void aWeakPasswordIsRefusedAtItsFieldAndNoAccountIsCreated(String password, String message) throws Exception {
        String name = "signup-" + UUID.randomUUID().toString().substring(0, 8);
        String typed = password.replace("{name}", name).replace("{NAME}", name.toUpperCase());

        MockHttpServletResponse page = mvc.perform(post("/register").with(csrf())
                        .param("name", name).param("email", "s@example.org").param("password", typed))
                .andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).contains("id=\"password-error\"").contains(message);
        Matcher passwordInput = PASSWORD_INPUT.matcher(page.getContentAsString());
        assertThat(passwordInput.find()).isTrue();
        assertThat(passwordInput.group()).as("the password is never sent back").doesNotContain("value");
        assertThat(accounts.findByName(name)).isEmpty();
    }
}
