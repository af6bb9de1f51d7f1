package dev.adapthub.web.layout;

import java.util.regex.Pattern;

/**
 * The Open Graph (and twitter:card) tags of a page, which fragments/head.html writes when a controller
 * puts one into the model as {@code openGraph}.
 *
 * @param description one line of plain text, or {@code null}
 * @param url the page's absolute address
 */
public record OpenGraph(String title, String description, String type, String url) {

    static final int MAX_DESCRIPTION = 200;
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern HTML = Pattern.compile("<[^>]*>");
    private static final Pattern EMPHASIS = Pattern.compile("[*_`~]+");

    /** A page about {@code title} described by the first paragraph of its Markdown (a README or card body). */
    public static OpenGraph ofMarkdown(String title, String markdown, String url) {
        return new OpenGraph(title, firstParagraph(markdown), "website", url);
    }

    /**
     * The first paragraph of prose in {@code markdown} as plain text: headings, fences, tables, lists,
     * quotes, images and HTML-only lines are skipped; links keep their text; at most 200 characters.
     */
    static String firstParagraph(String markdown) {
        if (markdown == null) {
            return null;
        }
        StringBuilder paragraph = new StringBuilder();
        boolean fenced = false;
        for (String raw : markdown.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            String text = fenced ? "" : plain(line);
            boolean prose = !text.isEmpty() && !line.startsWith("#") && !line.startsWith("|") && !line.startsWith(">")
                    && !line.startsWith("- ") && !line.startsWith("* ") && !line.startsWith("+ ")
                    && !line.matches("\\d+[.)] .*") && !line.matches("[-=*_ ]{3,}");
            if (prose) {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(text);
            } else if (!paragraph.isEmpty()) {
                break;
            }
        }
        String text = paragraph.toString().replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1).strip() + "…";
    }

    private static String plain(String line) {
        String text = IMAGE.matcher(line).replaceAll("");
        text = LINK.matcher(text).replaceAll("$1");
        text = HTML.matcher(text).replaceAll("");
        return EMPHASIS.matcher(text).replaceAll("").strip();
    }
}
