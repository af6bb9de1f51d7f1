package dev.adapthub.core.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What a person tells about themselves: a bio, an avatar they uploaded (already re-encoded by
 * {@link AvatarImages}, so it holds no metadata), and whether notifications reach them by e-mail.
 */
@Entity
@Table(name = "profiles")
public class Profile {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column
    private String bio;

    @Column
    private byte[] avatar;

    @Column(name = "avatar_type")
    private String avatarType;

    @Column(name = "avatar_version", nullable = false)
    private int avatarVersion;

    @Column(name = "notify_email", nullable = false)
    private boolean notifyEmail;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Profile() {
    }

    Profile(long accountId, Instant now) {
        this.accountId = accountId;
        this.updatedAt = now;
    }

    void update(String bio, boolean notifyEmail, Instant now) {
        this.bio = bio;
        this.notifyEmail = notifyEmail;
        this.updatedAt = now;
    }

    void replaceAvatar(AvatarImages.Avatar image, Instant now) {
        this.avatar = image.bytes();
        this.avatarType = image.contentType();
        this.avatarVersion++;
        this.updatedAt = now;
    }

    public long accountId() {
        return accountId;
    }

    /** The bio as typed (Markdown), or null. */
    public String bio() {
        return bio;
    }

    public boolean hasAvatar() {
        return avatar != null;
    }

    /** The uploaded avatar, or null for the identicon. */
    public byte[] avatar() {
        return avatar;
    }

    /** {@code image/png} or {@code image/webp}; null without an upload. */
    public String avatarType() {
        return avatarType;
    }

    /** Grows with every upload: part of the avatar's address, so browsers may cache each one for long. */
    public int avatarVersion() {
        return avatarVersion;
    }

    public boolean notifyEmail() {
        return notifyEmail;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
