package dev.adapthub.git.lfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitTooLargeException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LfsStoreTest {
    @TempDir
    Path root;

    static LfsOid oidOf(byte[] content) throws Exception {
        return new LfsOid(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    }

    private long filesUnder(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void storesContentAddressedAfterVerifyingTheHash() throws Exception {
        LfsStore store = new LfsStore(root.resolve("objects"), 1 << 20);
        byte[] content = "weights".getBytes(StandardCharsets.UTF_8);
        LfsOid oid = oidOf(content);

        store.put(oid, content.length, new ByteArrayInputStream(content));

        String hex = oid.hex();
        assertThat(store.path(oid)).isEqualTo(root.resolve("objects/" + hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex));
        assertThat(store.size(oid)).hasValue(content.length);
        try (InputStream in = store.open(oid)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        store.put(oid, -1, new ByteArrayInputStream(content));
        assertThat(filesUnder(root)).isEqualTo(1);
    }

    @Test
    void mismatchingHashOrSizeStoresNothing() throws Exception {
        LfsStore store = new LfsStore(root.resolve("objects"), 1 << 20);
        byte[] content = "real".getBytes(StandardCharsets.UTF_8);
        LfsOid claimed = oidOf("other".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.put(claimed, content.length, new ByteArrayInputStream(content)))
                .isInstanceOf(GitInvalidInputException.class).hasMessageContaining("nothing was stored");
        LfsOid real = oidOf(content);
        assertThatThrownBy(() -> store.put(real, content.length + 1, new ByteArrayInputStream(content)))
                .isInstanceOf(GitInvalidInputException.class).hasMessageContaining("were declared");
        assertThatThrownBy(() -> store.put(real, 2, new ByteArrayInputStream(content)))
                .isInstanceOf(GitInvalidInputException.class).hasMessageContaining("larger than the declared");
        assertThat(store.contains(claimed)).isFalse();
        assertThat(store.contains(real)).isFalse();
        assertThat(filesUnder(root)).isZero();
        assertThatThrownBy(() -> store.open(real)).isInstanceOf(GitNotFoundException.class);
    }

    @Test
    void enforcesTheSizeLimitWhetherDeclaredOrNot() throws Exception {
        LfsStore store = new LfsStore(root.resolve("objects"), 10);
        byte[] content = new byte[11];
        LfsOid oid = oidOf(content);
        assertThatThrownBy(() -> store.put(oid, 11, new ByteArrayInputStream(content)))
                .isInstanceOf(GitTooLargeException.class);
        assertThatThrownBy(() -> store.put(oid, -1, new ByteArrayInputStream(content)))
                .isInstanceOf(GitTooLargeException.class).hasMessageContaining("limit of 10 bytes");
        assertThat(filesUnder(root)).isZero();
    }

    @Test
    void oidsMustBeLowercaseSha256Hex() {
        assertThatThrownBy(() -> LfsOid.parse("../../etc/passwd")).isInstanceOf(GitInvalidInputException.class);
        assertThatThrownBy(() -> LfsOid.parse("A".repeat(64))).isInstanceOf(GitInvalidInputException.class);
        assertThatThrownBy(() -> LfsOid.parse("a".repeat(63))).isInstanceOf(GitInvalidInputException.class);
        assertThat(LfsOid.isValid("0123456789abcdef".repeat(4))).isTrue();
    }
}
