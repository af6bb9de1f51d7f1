package dev.adapthub.git;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.internal.Texts;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.ObjectChecker;

/**
 * File paths inside a repository, as the hub accepts them from users.
 * <p>
 * <b>Reading and deleting</b> ({@link #normalize}, {@link #normalizeFile}): a valid path is
 * relative, uses {@code /} as separator, and has no empty, {@code .} or {@code ..} segment, no
 * backslash, no NUL or other control character, no segment named {@code .git} (any case), is valid
 * UTF-8, at most {@value #MAX_PATH_BYTES} bytes long with segments of at most
 * {@value #MAX_SEGMENT_BYTES} bytes. The empty string is the root folder. This rule is lenient on
 * purpose: a file that came in before a stricter rule must stay readable and deletable.
 * <p>
 * <b>Creating</b> ({@link #normalizeNewFile}, {@link #nameProblem}): every name a change would
 * bring into existence must also be safe on the file systems that clone it. A name is refused when
 * Windows or macOS could read it as {@code .git}: the 8.3 short name {@code GIT~1}, trailing dots
 * and spaces ({@code .git. .}), invisible code points that HFS+ ignores ({@code .g\u200Dit}), case
 * and compatibility look-alikes; the same for other spellings of {@code .gitmodules} and
 * {@code .gitattributes}; and whatever JGit's {@link ObjectChecker} refuses for Windows and macOS
 * (reserved characters such as {@code :}, device names such as {@code CON}, trailing dots). The
 * hub's receive-pack checker applies the same rule to pushed trees, so a name the web refuses
 * cannot arrive by {@code git push} either, and a name the web accepts never blocks a later push.
 * <p>
 * <b>Callers decode first.</b> These rules look at the characters they are given: a URL-encoded
 * {@code %2e%2e} is an ordinary (odd) file name here. The web layer must percent-decode a path
 * exactly once before calling, so that an encoded traversal arrives as {@code ..} and is refused.
 */
public final class GitPaths {
    public static final int MAX_PATH_BYTES = 4096;
    public static final int MAX_SEGMENT_BYTES = 255;

    /** NTFS 8.3 short names: {@code GIT~1}, and git's hashed forms for the two special files. */
    private static final Pattern GIT_SHORT_NAME = Pattern.compile("git~[1-9]");
    private static final Pattern GITMODULES_SHORT_NAME = Pattern.compile("(gitmod|gi7eba)~[1-9]");
    private static final Pattern GITATTRIBUTES_SHORT_NAME = Pattern.compile("(gitatt|gi7d29)~[1-9]");

    private GitPaths() {
    }

    /**
     * Validates a path for reading or deleting; a single trailing {@code /} (folder links) is dropped.
     *
     * @param path a path, or null / "" for the root folder
     * @return the canonical path, "" for the root
     * @throws GitInvalidInputException naming the broken rule
     */
    public static String normalize(String path) throws GitInvalidInputException {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "";
        }
        if (Texts.hasControlOrBrokenChars(path)) {
            throw invalid(path, "contains control characters or is not valid UTF-8");
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw invalid(path, "is longer than " + MAX_PATH_BYTES + " bytes");
        }
        if (path.indexOf('\\') >= 0) {
            throw invalid(path, "contains a backslash; use '/' between folders");
        }
        if (path.startsWith("/")) {
            throw invalid(path, "is absolute; give it relative to the repository root");
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String segment : p.split("/", -1)) {
            if (segment.isEmpty()) {
                throw invalid(path, "has an empty folder name ('//')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw invalid(path, "has a '" + segment + "' segment; paths may not leave or refer to the current folder");
            }
            if (segment.toLowerCase(Locale.ROOT).equals(".git")) {
                throw invalid(path, "has a '.git' segment, which Git reserves");
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw invalid(path, "has a name longer than " + MAX_SEGMENT_BYTES + " bytes");
            }
        }
        return p;
    }

    /** Like {@link #normalize} but refuses the root folder: for files. */
    public static String normalizeFile(String path) throws GitInvalidInputException {
        String p = normalize(path);
        if (p.isEmpty()) {
            throw new GitInvalidInputException("a file path is required, got the repository root");
        }
        return p;
    }

    /**
     * Validates the path of a file a change would create or overwrite: {@link #normalizeFile} plus
     * {@link #nameProblem} for every segment, so no folder or file of an unsafe name comes to be.
     *
     * @throws GitInvalidInputException naming the path and the reason
     */
    public static String normalizeNewFile(String path) throws GitInvalidInputException {
        String p = normalizeFile(path);
        for (String segment : p.split("/")) {
            Optional<String> problem = nameProblem(segment);
            if (problem.isPresent()) {
                throw invalid(path, problem.get());
            }
        }
        return p;
    }

    /**
     * Why one file or folder name may not be created, or empty when it may. Covers the rules of
     * {@link #normalize} for a single name, plus the "creating" rules described on the class.
     */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("has an empty folder name ('//')");
        }
        if (Texts.hasControlOrBrokenChars(name) || name.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL)) {
            return Optional.of("contains control characters or is not valid UTF-8");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return Optional.of("has a name with a slash or backslash in it");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("has a '" + name + "' segment; paths may not leave or refer to the current folder");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            return Optional.of("has a name longer than " + MAX_SEGMENT_BYTES + " bytes");
        }
        String folded = fold(name);
        if (folded.isEmpty() || folded.equals(".") || folded.equals("..")) {
            return Optional.of("has the name " + quote(name) + ", which Windows or macOS would read as '"
                    + (folded.isEmpty() ? "." : folded) + "'");
        }
        if (folded.equals(".git") || GIT_SHORT_NAME.matcher(folded).matches()) {
            return Optional.of(name.toLowerCase(Locale.ROOT).equals(".git") ? "has a '.git' segment, which Git reserves"
                    : "has the name " + quote(name) + ", which " + howItBecomes(name, folded) + " '.git'; Git reserves"
                            + " '.git' in every spelling");
        }
        Optional<String> special = otherSpelling(name, folded, ".gitmodules", GITMODULES_SHORT_NAME)
                .or(() -> otherSpelling(name, folded, ".gitattributes", GITATTRIBUTES_SHORT_NAME));
        if (special.isPresent()) {
            return special;
        }
        byte[] raw = name.getBytes(StandardCharsets.UTF_8);
        try {
            // A fresh checker each time: ObjectChecker collects .gitmodules entries as it goes.
            new ObjectChecker().setSafeForWindows(true).setSafeForMacOS(true).checkPathSegment(raw, 0, raw.length);
        } catch (CorruptObjectException e) {
            return Optional.of("has the name " + quote(name) + ", which Windows or macOS cannot hold safely ("
                    + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /**
     * Refuses a set of file paths of which one lies inside another ({@code n.txt} and
     * {@code n.txt/x}): no tree can hold both, one would silently replace the other.
     *
     * @param files normalized file paths
     */
    public static void checkNoFileInsideFile(Collection<String> files) throws GitInvalidInputException {
        Set<String> all = new HashSet<>(files);
        for (String file : files) {
            for (int slash = file.indexOf('/'); slash > 0; slash = file.indexOf('/', slash + 1)) {
                String parent = file.substring(0, slash);
                if (all.contains(parent)) {
                    throw new GitInvalidInputException("path " + quote(file) + " needs " + quote(parent)
                            + " to be a folder, but the same change writes " + quote(parent)
                            + " as a file; a name is either a file or a folder");
                }
            }
        }
    }

    /**
     * Whether a code point is invisible and ignored by some file system or renderer: Unicode's
     * Default_Ignorable_Code_Point set (which contains every code point HFS+ ignores and that JGit's
     * macOS check knows: U+200C..U+200F, U+202A..U+202E, U+206A..U+206F, U+FEFF) plus every
     * format character ({@link Character#FORMAT}).
     */
    public static boolean isIgnorable(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF
                || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8) || (cp >= 0x1BCA0 && cp <= 0x1BCA3)
                || (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    /**
     * What a name may become on the file systems that clone it, erring towards "the same": invisible
     * code points removed (HFS+), compatibility-decomposed with combining marks removed (HFS+ stores
     * decomposed names; look-alikes such as a fullwidth 'ｇ'), case-folded both ways (dotless 'ı'
     * upper-cases to 'I'), trailing dots and spaces removed (Windows).
     */
    static String fold(String name) {
        StringBuilder visible = new StringBuilder(name.length());
        name.codePoints().filter(cp -> !isIgnorable(cp)).forEach(visible::appendCodePoint);
        String decomposed = Normalizer.normalize(visible, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(cp -> !isIgnorable(cp) && Character.getType(cp) != Character.NON_SPACING_MARK)
                .map(cp -> Character.toLowerCase(Character.toUpperCase(cp)))
                .forEach(folded::appendCodePoint);
        int end = folded.length();
        while (end > 0 && (folded.charAt(end - 1) == '.' || folded.charAt(end - 1) == ' ')) {
            end--;
        }
        return folded.substring(0, end);
    }

    private static Optional<String> otherSpelling(String name, String folded, String special, Pattern shortName) {
        if (!name.equals(special) && (folded.equals(special) || shortName.matcher(folded).matches())) {
            return Optional.of("has the name " + quote(name) + ", which " + howItBecomes(name, folded) + " '"
                    + special + "'; name it exactly '" + special + "'");
        }
        return Optional.empty();
    }

    private static String howItBecomes(String name, String folded) {
        if (name.codePoints().anyMatch(GitPaths::isIgnorable)) {
            int cp = name.codePoints().filter(GitPaths::isIgnorable).findFirst().orElseThrow();
            return "has an invisible character (" + String.format("U+%04X", cp) + ") that macOS ignores, so it reads as";
        }
        if (folded.contains("~")) {
            return "is a Windows short (8.3) name of";
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            return "ends in dots or spaces that Windows drops, so it reads as";
        }
        return "a case-insensitive or Unicode-normalising file system reads as";
    }

    private static GitInvalidInputException invalid(String path, String why) {
        return new GitInvalidInputException("path " + quote(path) + " " + why);
    }
}
