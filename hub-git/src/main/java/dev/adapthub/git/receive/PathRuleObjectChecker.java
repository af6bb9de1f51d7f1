package dev.adapthub.git.receive;

import dev.adapthub.git.GitPaths;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.eclipse.jgit.annotations.Nullable;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectChecker;

/**
 * JGit's object checker, safe for Windows and macOS clones, plus the hub's rule for new names
 * ({@link GitPaths#nameProblem}) on every entry of every pushed tree: names must be UTF-8, and
 * nothing that some file system reads as {@code .git} (for example with an invisible U+200D that
 * JGit's macOS check does not know) gets in by {@code git push} when it cannot get in by the web.
 */
final class PathRuleObjectChecker extends ObjectChecker {

    PathRuleObjectChecker() {
        setSafeForWindows(true);
        setSafeForMacOS(true);
    }

    @Override
    public void checkTree(@Nullable AnyObjectId id, byte[] raw) throws CorruptObjectException {
        try {
            super.checkTree(id, raw);
        } catch (CorruptObjectException jgit) {
            // JGit refuses many of the same names; the hub's reason is the one a user can act on.
            checkNames(raw);
            throw jgit;
        }
        checkNames(raw);
    }

    /**
     * Reads "{@code <mode> <name>\0<20-byte id>}" entries; tolerates a malformed tree (JGit has
     * refused it already and its reason stands).
     */
    private static void checkNames(byte[] raw) throws CorruptObjectException {
        int ptr = 0;
        while (ptr < raw.length) {
            int nameStart = indexOf(raw, (byte) ' ', ptr) + 1;
            if (nameStart > raw.length) {
                return;
            }
            int nameEnd = indexOf(raw, (byte) 0, nameStart);
            String name = utf8(raw, nameStart, nameEnd);
            Optional<String> problem = GitPaths.nameProblem(name);
            if (problem.isPresent()) {
                // JGit's message names the tree ("Invalid tree <id>: ...").
                throw new CorruptObjectException("the hub refuses it: an entry " + problem.get());
            }
            ptr = nameEnd + 1 + 20;
        }
    }

    private static String utf8(byte[] raw, int start, int end) throws CorruptObjectException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptObjectException("the hub refuses it: an entry name is not valid UTF-8");
        }
    }

    private static int indexOf(byte[] raw, byte b, int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == b) {
                return i;
            }
        }
        return raw.length;
    }
}
