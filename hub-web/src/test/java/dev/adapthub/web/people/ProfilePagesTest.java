package dev.adapthub.web.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.profile.Profile;
import dev.adapthub.core.profile.ProfileService;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Profile pages and settings: the identicon and its caching, avatar uploads judged by their bytes
 * (type, size, dimensions) and stored without metadata, a refused file answered inline with the
 * typed bio kept and nothing stored, and the repositories and pull requests a visitor may see.
 */
@HubWebTest
class ProfilePagesTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accountService;
    @Autowired TestAccounts accounts;
    @Autowired ProfileService profiles;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired PullRequestService pulls;

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** A PNG with a tEXt chunk before IEND, as cameras and editors leave comments and locations. */
    static byte[] pngWithText(int width, int height, String text) throws IOException {
        byte[] plain = png(width, height);
        int iend = plain.length - 12;
        byte[] data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.write(new byte[] {0, 0, 0, (byte) data.length});
        byte[] typeAndData = new byte[4 + data.length];
        System.arraycopy("tEXt".getBytes(StandardCharsets.ISO_8859_1), 0, typeAndData, 0, 4);
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        chunk.write(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        long c = crc.getValue();
        chunk.write(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, iend);
        out.write(chunk.toByteArray());
        out.write(plain, iend, 12);
        return out.toByteArray();
    }

    /** A lossless WebP header (10×10) followed by an EXIF chunk. */
    static byte[] webpWithExif(String exif) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes("VP8L".getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(new byte[] {6, 0, 0, 0, 0x2f, 9, (byte) 0x80, 2, 0, 0});
        byte[] e = exif.getBytes(StandardCharsets.ISO_8859_1);
        body.writeBytes("EXIF".getBytes(StandardCharsets.ISO_8859_1));
        body.writeBytes(new byte[] {(byte) e.length, 0, 0, 0});
        body.writeBytes(e);
        if (e.length % 2 == 1) {
            body.write(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        int size = body.size();
        out.writeBytes(new byte[] {(byte) size, (byte) (size >>> 8), 0, 0});
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private MvcResult save(Account account, String bio, byte[] avatar, String fileName) throws Exception {
        var request = multipart("/settings/profile").param("bio", bio).with(user(accounts.principal(account)))
                .with(csrf());
        if (avatar != null) {
            request.file(new MockMultipartFile("avatar", fileName, "image/png", avatar));
        }
        return mvc.perform(request).andReturn();
    }

    @Test
    void aProfileListsItsRepositoriesThirtyToAPageAndOnlyThoseTheVisitorMayRead() throws Exception {
        Account owner = accounts.create("pgr");
        Account stranger = accounts.create("pgs");
        Repo hidden = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "private-first", true));
        for (int i = 0; i < 30; i++) {
            repos.create(owner, new NewRepo(RepoKind.MODEL, null, "public-" + i, false));
        }
        String path = "/" + owner.name();

        // Repositories are listed most recently updated first; background work may touch any of them, so the
        // test asserts the split (30 + 1, every repository once), not which one lands on the second page.
        String ownersFirst = mvc.perform(get(path).with(user(accounts.principal(owner)))).andReturn().getResponse()
                .getContentAsString();
        String ownersSecond = mvc.perform(get(path + "?page=1").with(user(accounts.principal(owner)))).andReturn()
                .getResponse().getContentAsString();
        List<String> first = listed(ownersFirst, owner);
        List<String> second = listed(ownersSecond, owner);
        assertThat(first).hasSize(30);
        assertThat(second).hasSize(1);
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(all).doesNotHaveDuplicates().hasSize(31).contains(hidden.name(), "public-0", "public-29");
        assertThat(ownersFirst).contains("id=\"user-repos-pager-next\"");
        assertThat(ownersSecond).contains("id=\"user-repos-pager-previous\"");

        String strangers = mvc.perform(get(path).with(user(accounts.principal(stranger)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(strangers).contains("public-0").doesNotContain("private-first").doesNotContain("user-repos-pager");
        MvcResult negative = mvc.perform(get(path + "?page=-1")).andReturn();
        assertThat(negative.getResponse().getStatus()).isEqualTo(422);
        assertThat(negative.getResponse().getContentAsString()).contains("page counts from 0");
    }

    private static List<String> listed(String page, Account owner) {
        Matcher m = Pattern.compile(">" + Pattern.quote(owner.name()) + "/([\\w.-]+)</a>").matcher(page);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void theIdenticonIsDeterministicCachedAndOnlyForExistingNames() throws Exception {
        Account someone = accounts.create("idn");
        MvcResult first = mvc.perform(get("/assets/avatars/" + someone.name() + "?v=0")).andReturn();
        MvcResult again = mvc.perform(get("/assets/avatars/" + someone.name())).andReturn();
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        assertThat(first.getResponse().getContentType()).startsWith("image/svg+xml");
        assertThat(first.getResponse().getContentAsString()).startsWith("<svg").doesNotContain("script");
        assertThat(first.getResponse().getHeader("Cache-Control")).contains("max-age=31536000").contains("immutable");
        assertThat(again.getResponse().getHeader("Cache-Control")).contains("max-age=300");
        assertThat(again.getResponse().getContentAsByteArray()).isEqualTo(first.getResponse().getContentAsByteArray());
        assertThat(mvc.perform(get("/assets/avatars/" + someone.name()).header("If-None-Match",
                first.getResponse().getHeader("ETag"))).andReturn().getResponse().getStatus()).isEqualTo(304);
        assertThat(mvc.perform(get("/assets/avatars/nobody-is-called-this")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void anUploadedAvatarIsScaledAndStrippedAndServedAtANewAddress() throws Exception {
        Account someone = accounts.create("ava");
        MvcResult saved = save(someone, "Adapts **models** to NPUs", pngWithText(600, 400, "lat=48.85 lon=2.35"),
                "me.png");
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/settings/profile?saved");
        Profile profile = profiles.find(someone.id()).orElseThrow();
        assertThat(profile.avatarType()).isEqualTo("image/png");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(profile.avatar()));
        assertThat(stored.getWidth()).isEqualTo(256);
        assertThat(stored.getHeight()).isEqualTo(171);
        assertThat(new String(profile.avatar(), StandardCharsets.ISO_8859_1)).doesNotContain("lat=48.85")
                .doesNotContain("tEXt");

        String page = mvc.perform(get("/" + someone.name())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("src=\"/assets/avatars/" + someone.name() + "?v=1\"")
                .contains("<strong>models</strong>");
        MvcResult served = mvc.perform(get("/assets/avatars/" + someone.name() + "?v=1")).andReturn();
        assertThat(served.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(served.getResponse().getContentAsByteArray()).isEqualTo(profile.avatar());

        // WebP cannot be decoded by the JDK: its metadata chunks go, its image data stays.
        assertThat(save(someone, "", webpWithExif("GPS secret place"), "me.webp").getResponse().getStatus())
                .isEqualTo(302);
        Profile webp = profiles.find(someone.id()).orElseThrow();
        assertThat(webp.avatarType()).isEqualTo("image/webp");
        assertThat(new String(webp.avatar(), StandardCharsets.ISO_8859_1)).startsWith("RIFF").contains("VP8L")
                .doesNotContain("EXIF").doesNotContain("secret");
    }

    @Test
    void aRefusedFileIsAnsweredInlineWithTheTypedBioKeptAndNothingStored() throws Exception {
        Account someone = accounts.create("bad");
        save(someone, "The bio before", null, null);

        MvcResult notAnImage = save(someone, "A new bio I typed", "<?php echo 1; ?>".getBytes(StandardCharsets.UTF_8),
                "evil.png");
        assertThat(notAnImage.getResponse().getStatus()).isEqualTo(400);
        assertThat(notAnImage.getResponse().getContentAsString()).contains("id=\"avatar-error\"")
                .contains("not a PNG, JPEG or WebP image").contains(">A new bio I typed</textarea>");
        assertThat(profiles.find(someone.id()).orElseThrow().bio()).isEqualTo("The bio before");

        MvcResult tooWide = save(someone, "x", png(5000, 2), "wide.png");
        assertThat(tooWide.getResponse().getStatus()).isEqualTo(400);
        assertThat(tooWide.getResponse().getContentAsString()).contains("5000×2 pixels; at most 4096×4096");

        byte[] big = new byte[(1 << 20) + 1];
        System.arraycopy(png(2, 2), 0, big, 0, 8);
        MvcResult tooLarge = save(someone, "x", big, "big.png");
        assertThat(tooLarge.getResponse().getStatus()).isEqualTo(400);
        assertThat(tooLarge.getResponse().getContentAsString()).contains("at most 1024 KiB");

        byte[] truncated = java.util.Arrays.copyOf(png(300, 300), 60);
        assertThat(save(someone, "x", truncated, "cut.png").getResponse().getStatus()).isEqualTo(400);
        assertThat(profiles.find(someone.id()).orElseThrow().hasAvatar()).isFalse();

        String tooLongBio = "b".repeat(ProfileService.MAX_BIO + 1);
        assertThat(save(someone, tooLongBio, null, null).getResponse().getStatus()).isEqualTo(422);
        assertThat(mvc.perform(multipart("/settings/profile").param("bio", "no token")
                .with(user(accounts.principal(someone)))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/settings/profile")).andReturn().getResponse().getRedirectedUrl())
                .endsWith("/login");
    }

    @Test
    void theProfileShowsRepositoriesAndPullRequestsOnlyToThoseWhoMayReadThem() throws Exception {
        Account owner = PeopleSetup.account(accountService, "pro");
        Account visitor = PeopleSetup.account(accountService, "vis");
        Repo open = PeopleSetup.repo(repos, writes, owner, false);
        Repo secret = PeopleSetup.repo(repos, writes, owner, true);
        PeopleSetup.readmePull(pulls, owner, open, "Open change");
        PeopleSetup.readmePull(pulls, owner, secret, "Secret change");
        save(owner, "<script>alert(1)</script>Hello", null, null);

        String asVisitor = mvc.perform(get("/" + owner.name()).with(user(accounts.principal(visitor)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(asVisitor).contains(open.fullName()).doesNotContain(secret.fullName()).contains("Open change")
                .doesNotContain("Secret change").doesNotContain("<script>alert").contains("Hello")
                .contains("created " + "model " + open.fullName()).doesNotContain("id=\"edit-profile\"");
        String asOwner = mvc.perform(get("/" + owner.name()).with(user(accounts.principal(owner)))).andReturn()
                .getResponse().getContentAsString();
        assertThat(asOwner).contains(secret.fullName()).contains("Secret change").contains("id=\"edit-profile\"");
    }
}
