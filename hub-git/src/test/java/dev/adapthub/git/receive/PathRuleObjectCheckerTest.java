package dev.adapthub.git.receive;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

class PathRuleObjectCheckerTest {

    private static byte[] tree(byte[] name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("100644 ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(name);
        out.write(0);
        byte[] id = new byte[20];
        Arrays.fill(id, (byte) 7);
        out.writeBytes(id);
        return out.toByteArray();
    }

    @Test
    void refusesWhatJGitMissesWithTheHubsReasonAndAcceptsOrdinaryNames() {
        PathRuleObjectChecker checker = new PathRuleObjectChecker();
        assertThatThrownBy(() -> checker.checkTree(ObjectId.zeroId(), tree("\u200B.git".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CorruptObjectException.class).hasMessageContaining("U+200B");
        assertThatThrownBy(() -> checker.checkTree(ObjectId.zeroId(), tree(new byte[] {'a', (byte) 0xE9})))
                .isInstanceOf(CorruptObjectException.class).hasMessageContaining("not valid UTF-8");
        assertThatCode(() -> checker.checkTree(ObjectId.zeroId(), tree("README.md".getBytes(StandardCharsets.UTF_8))))
                .doesNotThrowAnyException();
    }

    @Test
    void aMalformedTreeKeepsJGitsReasonAndNeverFailsOtherwise() {
        PathRuleObjectChecker checker = new PathRuleObjectChecker();
        for (String raw : new String[] {"100644", "100644 x", "100644 x\0short", "garbage without structure"}) {
            assertThatThrownBy(() -> checker.checkTree(null, raw.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(CorruptObjectException.class);
        }
    }
}
