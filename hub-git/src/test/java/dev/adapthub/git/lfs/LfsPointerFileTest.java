package dev.adapthub.git.lfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LfsPointerFileTest {
    static final String OID = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393";

    @Test
    void formatsTheCanonicalPointerAndParsesItBack() {
        LfsPointerFile pointer = new LfsPointerFile(new LfsOid(OID), 12345);
        String text = new String(pointer.format(), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("version https://git-lfs.github.com/spec/v1\noid sha256:" + OID + "\nsize 12345\n");
        assertThat(LfsPointerFile.parse(pointer.format())).contains(pointer);
        assertThat(LfsPointerFile.mayBePointer(pointer.format().length)).isTrue();
    }

    @Test
    void ordinaryFilesAndBrokenPointersAreNotPointers() {
        assertThat(LfsPointerFile.parse("hello\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(LfsPointerFile.parse(("version https://git-lfs.github.com/spec/v1\noid sha256:xyz\nsize 1\n")
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(LfsPointerFile.parse(new byte[2000])).isEmpty();
    }
}
