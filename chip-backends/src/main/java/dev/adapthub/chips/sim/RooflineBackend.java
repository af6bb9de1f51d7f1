package dev.adapthub.chips.sim;

import dev.adapthub.chips.perf.Roofline;
import dev.adapthub.chips.spi.ChipBackend;
import dev.adapthub.chips.spi.PerformanceEstimate;
import dev.adapthub.chips.spi.PerformanceQuery;
import java.util.Optional;

/** The simulated backends' shared performance answer: the roofline model of {@link Roofline}. */
interface RooflineBackend extends ChipBackend {

    @Override
    default Optional<PerformanceEstimate> estimatePerformance(PerformanceQuery query) {
        return Optional.of(Roofline.estimate(query));
    }
}
