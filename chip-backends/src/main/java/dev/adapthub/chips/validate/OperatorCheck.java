package dev.adapthub.chips.validate;

import dev.adapthub.chips.spi.CapabilityMatcher;
import dev.adapthub.chips.spi.Refusal;
import java.util.List;

/** Check 2: the architecture's operator list against the backend's table for the engine. */
final class OperatorCheck implements Check {

    @Override
    public void run(Context ctx, List<Finding> out) {
        ResolvedConfig c = ctx.config;
        if (!ctx.backend.capabilities(c.chip()).engines().contains(c.engine())) {
            return; // already refused by the support check; no table to compare against
        }
        for (Refusal r : CapabilityMatcher.operators(ctx.backend.capabilities(c.chip()), c.engine(), c.model())) {
            out.add(SupportCheck.toFinding(r));
        }
    }
}
