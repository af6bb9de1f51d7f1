package dev.adapthub.core.pull;

import dev.adapthub.git.merge.MergeCheck;
import java.util.List;
import java.util.Optional;

/**
 * The merge gate's answer for one person and one head: every condition, in order, with its
 * reason. {@code check} is the trial merge it saw (null when the target branch is gone).
 */
public record MergeGate(List<GateCondition> conditions, MergeCheck check, List<String> conflicts) {

    public MergeGate {
        conditions = List.copyOf(conditions);
        conflicts = List.copyOf(conflicts);
    }

    public boolean passes() {
        return conditions.stream().allMatch(GateCondition::met);
    }

    public Optional<GateCondition> firstUnmet() {
        return conditions.stream().filter(c -> !c.met()).findFirst();
    }

    public List<GateCondition> unmet() {
        return conditions.stream().filter(c -> !c.met()).toList();
    }
}
