package dev.adapthub.chips.sim;

import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.spi.BackendContext;
import dev.adapthub.chips.spi.ChipBackend;

/** Provider of the simulated CPU backend (llama.cpp and vLLM's CPU backend). */
public final class CpuProvider extends SimulatedProvider {

    public CpuProvider() {
        super(ChipFamily.CPU);
    }

    @Override
    public ChipBackend create(BackendContext context) {
        return new CpuBackend();
    }
}
