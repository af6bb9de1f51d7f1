package dev.adapthub.web.status;

import dev.adapthub.core.status.Incident;
import java.time.Instant;
import java.util.List;

/** Incidents as an Atom 1.0 feed (RFC 4287): one entry per incident, its timeline as the content. */
final class AtomFeed {

    private AtomFeed() {
    }

    static String of(String base, List<Incident> incidents) {
        Instant updated = incidents.stream().map(Incident::updatedAt).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>AdaptHub status</title>\n")
                .append("  <id>").append(escape(base + "/status")).append("</id>\n")
                .append("  <link rel=\"alternate\" href=\"").append(escape(base + "/status")).append("\"/>\n")
                .append("  <link rel=\"self\" href=\"").append(escape(base + "/status/feed.atom")).append("\"/>\n")
                .append("  <updated>").append(updated).append("</updated>\n");
        for (Incident i : incidents) {
            String link = base + "/status/incidents/" + i.id();
            xml.append("  <entry>\n")
                    .append("    <title>").append(escape("[" + i.status().label() + "] " + i.title())).append("</title>\n")
                    .append("    <id>").append(escape(link)).append("</id>\n")
                    .append("    <link rel=\"alternate\" href=\"").append(escape(link)).append("\"/>\n")
                    .append("    <published>").append(i.startedAt()).append("</published>\n")
                    .append("    <updated>").append(i.updatedAt()).append("</updated>\n")
                    .append("    <author><name>AdaptHub</name></author>\n")
                    .append("    <category term=\"").append(escape(i.severity().label())).append("\"/>\n")
                    .append("    <content type=\"text\">");
            StringBuilder text = new StringBuilder("Affected: ").append(String.join(", ", i.components()));
            for (int u = i.updates().size() - 1; u >= 0; u--) {
                Incident.Update update = i.updates().get(u);
                text.append("\n\n").append(update.at()).append(" — ").append(update.status().label()).append(": ")
                        .append(update.body());
            }
            xml.append(escape(text.toString())).append("</content>\n  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    /** XML text and attribute escaping; characters XML 1.0 cannot hold are dropped. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
