package dev.adapthub.web.account;

import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.account.Registration;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.web.error.ClientErrorLog;
import dev.adapthub.web.error.HubStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** Sign-up and the sign-in page (Spring Security handles the sign-in POST itself). */
@Controller
class AccountController {

    /** What the sign-up form posts. */
    record RegistrationForm(String name, String email, String password) {

        static RegistrationForm empty() {
            return new RegistrationForm("", "", "");
        }

        /** The form shown again: never echo the password back into the page. */
        RegistrationForm withoutPassword() {
            return new RegistrationForm(name, email, "");
        }
    }

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login() {
        return "account/login";
    }

    @GetMapping("/register")
    String registrationForm(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        model.addAttribute("errors", new FormErrors());
        return "account/register";
    }

    @PostMapping("/register")
    String register(RegistrationForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
        FormErrors errors;
        try {
            accounts.register(new Registration(form.name(), form.email(), form.password()));
            return "redirect:/login?registered";
        } catch (InvalidInputException | ConflictException e) {
            errors = FormErrors.of(e);
            response.setStatus(HubStatus.of(e).value());
        }
        ClientErrorLog.log(request, response.getStatus(), "Refused a registration: " + errors.all());
        model.addAttribute("form", form.withoutPassword());
        model.addAttribute("errors", errors);
        return "account/register";
    }
}
