package dev.adapthub.core.pull.protection;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.git.merge.MergeMethod;
import java.util.List;

/**
 * How pull requests of a repository merge and what they are checked against.
 *
 * @param mergeMethods the merge methods a maintainer may choose (at least one)
 * @param extraChips chip ids every changed inference config is validated on in addition to its own target
 */
public record PullOptions(List<MergeMethod> mergeMethods, List<String> extraChips) {

    public static final PullOptions DEFAULTS = new PullOptions(List.of(MergeMethod.values()), List.of());
    public static final int MAX_EXTRA_CHIPS = 10;

    public PullOptions {
        if (mergeMethods == null || mergeMethods.isEmpty()) {
            throw new InvalidInputException("mergeMethods", "Allow at least one merge method.");
        }
        mergeMethods = List.copyOf(mergeMethods.stream().distinct().sorted().toList());
        extraChips = extraChips == null ? List.of() : extraChips.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (extraChips.size() > MAX_EXTRA_CHIPS) {
            throw new InvalidInputException("extraChips", "At most " + MAX_EXTRA_CHIPS + " extra chips.");
        }
        for (String chip : extraChips) {
            if (!chip.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                throw new InvalidInputException("extraChips", "'" + chip + "' is not a chip id (lower-case letters,"
                        + " digits, . _ -), e.g. ascend-910b3.");
            }
        }
    }
}
