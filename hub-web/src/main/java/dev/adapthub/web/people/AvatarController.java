package dev.adapthub.web.people;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.profile.Identicon;
import dev.adapthub.core.profile.Profile;
import dev.adapthub.core.profile.ProfileService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /assets/avatars/{name}}: a user's uploaded avatar, else the identicon of the name (users and
 * organizations). Pages ask for {@code ?v=<version>}, which changes with every upload, so the image
 * at a versioned address never changes and is cached for a year; without it, for five minutes.
 */
@Controller
public class AvatarController {

    private static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl UNVERSIONED = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final AccountService accounts;
    private final OrganizationService organizations;
    private final ProfileService profiles;

    AvatarController(AccountService accounts, OrganizationService organizations, ProfileService profiles) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.profiles = profiles;
    }

    /** The address of a user's avatar ({@code profile} null: none set). */
    public static String url(String name, Profile profile) {
        return "/assets/avatars/" + name + "?v=" + (profile == null || !profile.hasAvatar() ? 0
                : profile.avatarVersion());
    }

    @GetMapping("/assets/avatars/{name}")
    ResponseEntity<byte[]> avatar(@PathVariable String name, @RequestParam(required = false) Integer v,
            WebRequest request) {
        Optional<Account> account = accounts.findByName(name);
        if (account.isEmpty() && organizations.findByName(name).isEmpty()) {
            throw new NotFoundException("Nothing is called '" + name + "' here.");
        }
        Optional<Profile> uploaded = account.flatMap(a -> profiles.find(a.id())).filter(Profile::hasAvatar);
        int version = uploaded.map(Profile::avatarVersion).orElse(0);
        String etag = "\"" + name.toLowerCase(java.util.Locale.ROOT) + "-" + version + "\"";
        CacheControl cache = v != null && v == version ? VERSIONED : UNVERSIONED;
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
        }
        if (uploaded.isPresent()) {
            return ResponseEntity.ok().cacheControl(cache).eTag(etag)
                    .contentType(MediaType.parseMediaType(uploaded.get().avatarType()))
                    .header("X-Content-Type-Options", "nosniff").body(uploaded.get().avatar());
        }
        return ResponseEntity.ok().cacheControl(cache).eTag(etag).contentType(MediaType.valueOf("image/svg+xml"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(Identicon.svg(name).getBytes(StandardCharsets.UTF_8));
    }
}
