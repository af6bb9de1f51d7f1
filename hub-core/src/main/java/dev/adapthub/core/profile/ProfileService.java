package dev.adapthub.core.profile;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountId;
import dev.adapthub.core.common.TextFields;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes a person's profile: bio, avatar, whether notifications come by e-mail. */
@Service
public class ProfileService {

    public static final int MAX_BIO = 2000;

    private static final Logger log = LoggerFactory.getLogger(ProfileService.class);

    private final Profiles profiles;
    private final Clock clock;

    ProfileService(Profiles profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The account's profile; empty when it never changed one (no bio, the identicon, no e-mail). */
    @Transactional(readOnly = true)
    public Optional<Profile> find(AccountId account) {
        return profiles.findById(account.value());
    }

    /**
     * Saves the settings form: everything is checked before anything is stored, so a refused avatar
     * leaves the bio as it was too.
     *
     * @param avatar the uploaded file's bytes, or null to keep the current avatar
     * @throws dev.adapthub.core.common.InvalidInputException naming the field ({@code bio}, {@code avatar})
     */
    @Transactional
    public Profile update(Account account, String bio, boolean notifyEmail, byte[] avatar) {
        String checkedBio = TextFields.optionalText("bio", bio, MAX_BIO);
        AvatarImages.Avatar image = avatar == null ? null : AvatarImages.accept(avatar);
        Profile profile = profiles.findById(account.id().value())
                .orElseGet(() -> new Profile(account.id().value(), clock.instant()));
        profile.update(checkedBio, notifyEmail, clock.instant());
        if (image != null) {
            profile.replaceAvatar(image, clock.instant());
            log.info("{} uploaded an avatar ({}, {} bytes)", account.name(), image.contentType(), image.bytes().length);
        }
        return profiles.save(profile);
    }

    /** Goes back to the identicon. */
    @Transactional
    public void removeAvatar(Account account) {
        profiles.findById(account.id().value()).ifPresent(p -> p.replaceAvatar(new AvatarImages.Avatar(null, null),
                clock.instant()));
    }

    /** Whether the account asked for notifications by e-mail. */
    @Transactional(readOnly = true)
    public boolean wantsEmail(AccountId account) {
        return profiles.findById(account.value()).map(Profile::notifyEmail).orElse(false);
    }
}
