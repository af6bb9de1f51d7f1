package dev.adapthub.chips.validate;

import dev.adapthub.chips.spi.ChipBackend;
import dev.adapthub.chips.spi.MemoryPlan;
import dev.adapthub.chips.spi.SupportAnswer;
import java.util.List;

/** One step of the validation pipeline: reads the context, adds findings. */
interface Check {

    /** Everything a check may look at; {@code memory} is set by {@link MemoryCheck}. */
    final class Context {
        final ResolvedConfig config;
        final ChipBackend backend;
        final SupportAnswer answer;
        MemoryPlan memory;

        Context(ResolvedConfig config, ChipBackend backend, SupportAnswer answer) {
            this.config = config;
            this.backend = backend;
            this.answer = answer;
        }
    }

    void run(Context ctx, List<Finding> out);
}
