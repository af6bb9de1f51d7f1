package dev.adapthub.core.pull;

import dev.adapthub.core.common.ConflictException;
import java.util.List;

/** A merge the gate refuses (409): the unmet conditions and, for conflicts, the files. */
public class MergeBlockedException extends ConflictException {

    private final List<GateCondition> unmet;
    private final List<String> conflicts;

    MergeBlockedException(List<GateCondition> unmet, List<String> conflicts) {
        super("merge", "Cannot merge: " + String.join(" ", unmet.stream().map(GateCondition::reason).toList()));
        this.unmet = List.copyOf(unmet);
        this.conflicts = List.copyOf(conflicts);
    }

    MergeBlockedException(String message) {
        super("merge", message);
        this.unmet = List.of();
        this.conflicts = List.of();
    }

    public List<GateCondition> unmet() {
        return unmet;
    }

    /** Conflicting files, sorted; empty unless the merge conflicts. */
    public List<String> conflicts() {
        return conflicts;
    }
}
