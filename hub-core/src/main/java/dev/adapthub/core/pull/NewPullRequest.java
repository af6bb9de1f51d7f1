package dev.adapthub.core.pull;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.TextFields;
import java.util.List;

/**
 * What someone proposes: a title, a Markdown description, the target branch (null: the default
 * branch), a draft flag and labels. Sizes are checked here, so every caller gets the same limits.
 */
public record NewPullRequest(String title, String description, String targetBranch, boolean draft,
        List<String> labels) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 65_536;
    public static final int MAX_LABELS = 10;

    public NewPullRequest {
        title = TextFields.requiredLine("title", title, MAX_TITLE);
        description = TextFields.optionalText("description", description, MAX_DESCRIPTION);
        description = description == null ? "" : description;
        targetBranch = targetBranch == null || targetBranch.isBlank() ? null : targetBranch.strip();
        labels = labels == null ? List.of() : labels.stream().map(String::strip).filter(l -> !l.isEmpty())
                .distinct().toList();
        if (labels.size() > MAX_LABELS) {
            throw new InvalidInputException("labels", "At most " + MAX_LABELS + " labels.");
        }
        for (String label : labels) {
            if (!label.matches("[A-Za-z0-9][A-Za-z0-9 ._:-]{0,39}")) {
                throw new InvalidInputException("labels", "A label is up to 40 letters, digits, spaces or . _ : -;"
                        + " '" + label + "' is not.");
            }
        }
    }

    public static NewPullRequest of(String title, String description) {
        return new NewPullRequest(title, description, null, false, List.of());
    }
}
