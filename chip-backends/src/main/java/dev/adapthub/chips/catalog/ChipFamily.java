package dev.adapthub.chips.catalog;

/** The three families of chips the hub simulates; each has its own support rules. */
public enum ChipFamily {
    /** Neural processing units (Ascend, Cambricon-style ASICs). */
    NPU,
    /** General-purpose GPUs (NVIDIA, AMD, and the CUDA-like Chinese GPGPUs). */
    GPGPU,
    /** Server CPUs running inference with llama.cpp or vLLM's CPU backend. */
    CPU
}
