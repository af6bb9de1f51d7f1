package dev.adapthub.web.markdown;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Markdown (CommonMark with GFM tables) to HTML that is safe to put in a page: raw HTML in
 * the source is kept only where OWASP's policy allows it, script and {@code javascript:}
 * links never survive, and relative links point at the repository's files.
 */
@Component
public class MarkdownRenderer {

    static final int MAX_INPUT = 1024 * 1024;
    private static final Pattern ABSOLUTE = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#|/)");
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "br", "del", "details", "summary", "sup", "sub", "kbd")
                    .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,30}")).onElements("code")
                    .allowAttributes("align").onElements("th", "td")
                    .toFactory());

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
            .escapeHtml(false).sanitizeUrls(true).build();

    /** Renders text with no repository context (descriptions, comments). */
    public String render(String markdown) {
        return render(markdown, null, null);
    }

    /**
     * Renders a repository file.
     *
     * @param blobBase where relative links go, e.g. {@code /owner/name/blob/main/docs/}; null for none
     * @param rawBase where relative images come from, e.g. {@code /owner/name/resolve/main/docs/}
     */
    public String render(String markdown, String blobBase, String rawBase) {
        if (markdown == null || markdown.isEmpty()) {
            return "";
        }
        String input = markdown.length() > MAX_INPUT ? markdown.substring(0, MAX_INPUT) : markdown;
        Node document = parser.parse(input);
        if (blobBase != null) {
            document.accept(new RelativeLinks(blobBase, rawBase));
        }
        return POLICY.sanitize(renderer.render(document));
    }

    /** Rewrites relative link and image targets to the repository's file URLs. */
    private static final class RelativeLinks extends AbstractVisitor {

        private static final Set<String> SKIP_PREFIXES = Set.of("./");
        private final String blobBase;
        private final String rawBase;

        RelativeLinks(String blobBase, String rawBase) {
            this.blobBase = blobBase;
            this.rawBase = rawBase;
        }

        @Override
        public void visit(Link link) {
            link.setDestination(resolve(blobBase, link.getDestination()));
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            image.setDestination(resolve(rawBase, image.getDestination()));
            visitChildren(image);
        }

        private static String resolve(String base, String destination) {
            if (destination == null || destination.isEmpty() || ABSOLUTE.matcher(destination).find()) {
                return destination;
            }
            String relative = destination;
            for (String prefix : SKIP_PREFIXES) {
                if (relative.startsWith(prefix)) {
                    relative = relative.substring(prefix.length());
                }
            }
            return base + relative;
        }
    }
}
