package dev.adapthub.chips.spi;

import dev.adapthub.chips.catalog.ChipSpec;
import java.util.Optional;

/**
 * A chip backend: declares what it can do on a chip and answers, for one config, what it
 * supports, with a machine-readable {@link ReasonCode} for every refusal. It never decides the
 * verdict: the validation pipeline turns answers into findings.
 *
 * <p>Implementations must be thread-safe and side-effect free; answers depend only on inputs.
 */
public interface ChipBackend {

    /** What the backend supports on a chip (data types, quantization, attention, operators, engines...). */
    Capabilities capabilities(ChipSpec chip);

    /**
     * What of this query the backend supports. The default compares the query with
     * {@link #capabilities}; backends add family rules (compute-capability gates, ISA gates, ...)
     * by overriding and adding to {@code ChipBackend.super.assess(query)}.
     */
    default SupportAnswer assess(SupportQuery query) {
        return CapabilityMatcher.match(capabilities(query.chip()), query);
    }

    /**
     * Performance estimate for a supported query (SPI v1 hook, filled by a later version of the
     * simulated backends). Empty means "no estimate"; the report's {@code performance} is then null.
     */
    default Optional<PerformanceEstimate> estimatePerformance(SupportQuery query, MemoryPlan memory) {
        return Optional.empty();
    }

    /**
     * Performance estimate with the workload (SPI v1 addition). The default keeps backends written
     * against the two-argument hook working by delegating to it.
     */
    default Optional<PerformanceEstimate> estimatePerformance(PerformanceQuery query) {
        return estimatePerformance(query.support(), query.memory());
    }
}
