package dev.adapthub.chips.spi;

/**
 * Why a backend refuses part of a config. Names are stable: they become finding codes
 * ({@code SUPPORT_} + name) that tools and people search for.
 */
public enum ReasonCode {
    /** The engine does not run on this chip or family. */
    ENGINE_UNSUPPORTED,
    /** The weight or activation data type is not supported. */
    DTYPE_UNSUPPORTED,
    /** The KV-cache data type is not supported. */
    KV_CACHE_DTYPE_UNSUPPORTED,
    /** The quantization scheme is not supported. */
    QUANTIZATION_UNSUPPORTED,
    /** An attention variant the model needs is not supported (MLA, sliding window, softcap, ...). */
    ATTENTION_UNSUPPORTED,
    /** The model architecture is not in the backend's operator table. */
    ARCHITECTURE_UNSUPPORTED,
    /** An operator the model needs is missing. */
    OPERATOR_MISSING,
    /** The KV block size breaks the engine's rule on this chip. */
    BLOCK_SIZE_UNSUPPORTED,
    /** A parallel size exceeds what the backend supports. */
    PARALLELISM_UNSUPPORTED,
    /** A feature needs a newer NVIDIA compute capability / AMD gfx target. */
    COMPUTE_CAPABILITY_TOO_LOW,
    /** A CPU instruction-set extension the feature needs is missing. */
    ISA_MISSING,
    /** The backend does not drive this chip. */
    CHIP_NOT_DRIVEN,
    /** Anything else; the message says what. */
    OTHER
}
