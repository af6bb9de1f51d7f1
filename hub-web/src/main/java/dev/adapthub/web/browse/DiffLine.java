package dev.adapthub.web.browse;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a unified diff with the CSS class that colours it: {@code add}, {@code del},
 * {@code hunk} ({@code @@ … @@}), {@code meta} (file headers) or {@code ctx}.
 */
public record DiffLine(String kind, String text) {

    public static List<DiffLine> parse(String patch) {
        List<DiffLine> lines = new ArrayList<>();
        if (patch == null || patch.isEmpty()) {
            return lines;
        }
        boolean inHunk = false;
        for (String line : patch.split("\n", -1)) {
            if (line.startsWith("@@")) {
                inHunk = true;
                lines.add(new DiffLine("hunk", line));
            } else if (!inHunk) {
                // "diff --git", "index", "---", "+++" before the first hunk
                lines.add(new DiffLine("meta", line));
            } else if (line.startsWith("+")) {
                lines.add(new DiffLine("add", line));
            } else if (line.startsWith("-")) {
                lines.add(new DiffLine("del", line));
            } else if (line.startsWith("diff --git")) {
                inHunk = false;
                lines.add(new DiffLine("meta", line));
            } else {
                lines.add(new DiffLine("ctx", line));
            }
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).text().isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
