package dev.adapthub.web.hf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * A repository's root {@code .gitattributes} and {@code .gitignore} as the Hub reads them at
 * preupload: which paths Git LFS stores ({@code filter=lfs}, the last matching line wins, with
 * gitattributes glob semantics) and which paths the upload should skip. JGit's own parsers decide,
 * so the answer is what {@code git} itself would do with the same files.
 */
final class UploadRules {

    private final AttributesNode attributes;
    private final IgnoreNode ignore;

    private UploadRules(AttributesNode attributes, IgnoreNode ignore) {
        this.attributes = attributes;
        this.ignore = ignore;
    }

    /** Either text may be null (no such file). */
    static UploadRules of(String gitAttributes, String gitIgnore) {
        try {
            AttributesNode attributes = new AttributesNode();
            if (gitAttributes != null) {
                attributes.parse(new ByteArrayInputStream(gitAttributes.getBytes(StandardCharsets.UTF_8)));
            }
            IgnoreNode ignore = new IgnoreNode();
            if (gitIgnore != null) {
                ignore.parse(new ByteArrayInputStream(gitIgnore.getBytes(StandardCharsets.UTF_8)));
            }
            return new UploadRules(attributes, ignore);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from memory
        }
    }

    /** True when the attributes put {@code path} through the LFS filter; false when they are silent or unset it. */
    boolean lfs(String path) {
        Boolean lfs = null;
        for (AttributesRule rule : attributes.getRules()) {
            if (!rule.isMatch(path, false)) {
                continue;
            }
            for (Attribute attribute : rule.getAttributes()) {
                if (attribute.getKey().equals("filter")) {
                    lfs = attribute.getState() == Attribute.State.CUSTOM && "lfs".equals(attribute.getValue());
                }
            }
        }
        return Boolean.TRUE.equals(lfs);
    }

    boolean ignored(String path) {
        return Boolean.TRUE.equals(ignore.checkIgnored(path, false));
    }
}
