package dev.adapthub.web.people;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.profile.AvatarImages;
import dev.adapthub.core.profile.Profile;
import dev.adapthub.core.profile.ProfileService;
import dev.adapthub.web.account.FormErrors;
import dev.adapthub.web.error.ClientErrorLog;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Settings → profile: bio, avatar upload, notifications by e-mail (signed-in only: /settings/**). */
@Controller
class ProfileSettingsController {

    /** What the form shows: what is stored, or what was typed when the form came back with an error. */
    record ProfileForm(String bio, boolean notifyEmail) {
    }

    private final ProfileService profiles;
    private final CurrentAccount current;

    ProfileSettingsController(ProfileService profiles, CurrentAccount current) {
        this.profiles = profiles;
        this.current = current;
    }

    @GetMapping("/settings/profile")
    String show(@AuthenticationPrincipal HubUser user, Model model) {
        Account account = current.of(user);
        Optional<Profile> profile = profiles.find(account.id());
        ProfileForm form = new ProfileForm(profile.map(Profile::bio).orElse(""),
                profile.map(Profile::notifyEmail).orElse(false));
        return page(model, account, form, new FormErrors());
    }

    @PostMapping("/settings/profile")
    String save(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) String bio,
            @RequestParam(required = false) String notifyEmail,
            @RequestParam(name = "avatar", required = false) MultipartFile avatar, Model model,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Account account = current.of(user);
        ProfileForm typed = new ProfileForm(bio == null ? "" : bio, notifyEmail != null);
        try {
            profiles.update(account, bio, typed.notifyEmail(), upload(avatar));
            return "redirect:/settings/profile?saved";
        } catch (InvalidInputException e) {
            // A bad file is a bad request (400); a bad bio breaks a rule of the form (422, as other forms).
            int status = "avatar".equals(e.field()) ? 400 : HubStatus.of(e).value();
            response.setStatus(status);
            ClientErrorLog.log(request, status, "Refused the profile of " + account.name() + ": " + e.getMessage());
            return page(model, account, typed, FormErrors.of(e));
        }
    }

    @PostMapping("/settings/profile/avatar/remove")
    String removeAvatar(@AuthenticationPrincipal HubUser user) {
        profiles.removeAvatar(current.of(user));
        return "redirect:/settings/profile?saved";
    }

    /** The file's bytes; null when none was chosen. A file over the limit is refused before it is read. */
    private static byte[] upload(MultipartFile file) throws IOException {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank()))) {
            return null;
        }
        if (file.getSize() > AvatarImages.MAX_BYTES) {
            throw AvatarImages.tooLarge(file.getSize());
        }
        return file.getBytes();
    }

    private String page(Model model, Account account, ProfileForm form, FormErrors errors) {
        Optional<Profile> profile = profiles.find(account.id());
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("avatarUrl", AvatarController.url(account.name(), profile.orElse(null)));
        model.addAttribute("hasAvatar", profile.map(Profile::hasAvatar).orElse(false));
        model.addAttribute("maxBio", ProfileService.MAX_BIO);
        return "settings/profile";
    }
}
