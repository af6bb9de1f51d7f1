package dev.adapthub.core;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hub's own settings ({@code hub.*}; environment variables {@code HUB_*}).
 *
 * @param dataDir where repositories, LFS objects and the embedded database live
 * @param admin the administrator created on first start
 * @param demo whether demo content is seeded on first start
 */
@ConfigurationProperties("hub")
public record HubProperties(Path dataDir, Admin admin, Demo demo) {

    public HubProperties {
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
        admin = admin == null ? new Admin(null, null, null) : admin;
        demo = demo == null ? new Demo(false) : demo;
    }

    /**
     * @param user the admin's name, default {@code admin}
     * @param password the admin's password; when empty a random one is printed once in the log
     * @param token a write token (at least 32 characters) given to the admin on first start
     */
    public record Admin(String user, String password, String token) {

        public String userOrDefault() {
            return user == null || user.isBlank() ? "admin" : user;
        }
    }

    /** @param enabled seed demo organizations, repositories and configs on first start */
    public record Demo(boolean enabled) {
    }
}
