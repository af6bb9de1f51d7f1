package dev.adapthub.chips.sim;

import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.spi.BackendContext;
import dev.adapthub.chips.spi.ChipBackend;

/** Provider of the simulated NPU backend (Ascend rules; other NPUs get a generic vLLM-fork table). */
public final class NpuProvider extends SimulatedProvider {

    public NpuProvider() {
        super(ChipFamily.NPU);
    }

    @Override
    public ChipBackend create(BackendContext context) {
        return new NpuBackend();
    }
}
