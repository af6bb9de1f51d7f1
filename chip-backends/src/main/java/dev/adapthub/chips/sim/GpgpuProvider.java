package dev.adapthub.chips.sim;

import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.spi.BackendContext;
import dev.adapthub.chips.spi.ChipBackend;

/** Provider of the simulated GPGPU backend (NVIDIA, AMD and the CUDA-like Chinese GPGPUs). */
public final class GpgpuProvider extends SimulatedProvider {

    public GpgpuProvider() {
        super(ChipFamily.GPGPU);
    }

    @Override
    public ChipBackend create(BackendContext context) {
        return new GpgpuBackend();
    }
}
