package dev.adapthub.chips.validate;

/**
 * The stable finding codes. Codes are never renamed or reused; backend refusals appear as
 * {@code SUPPORT_} + their {@link dev.adapthub.chips.spi.ReasonCode} name.
 */
public final class FindingCodes {

    /** The config file does not parse or breaks its schema. */
    public static final String CONFIG_INVALID = "CONFIG_INVALID";
    /** The model's config.json cannot be read or has an unknown architecture. */
    public static final String MODEL_INVALID = "MODEL_INVALID";
    /** {@code target.chip} is not in the catalog (the hint lists the closest ids). */
    public static final String CHIP_UNKNOWN = "CHIP_UNKNOWN";
    /** No loaded backend drives the chip. */
    public static final String BACKEND_MISSING = "BACKEND_MISSING";
    /** Prefix of backend refusals (check 1 and 2). */
    public static final String SUPPORT_PREFIX = "SUPPORT_";
    /** The config asks for a quantization the checkpoint does not have. */
    public static final String QUANT_CHECKPOINT_MISMATCH = "QUANT_CHECKPOINT_MISMATCH";
    /** Tensor parallel size does not divide the attention heads. */
    public static final String PARALLEL_HEADS_INDIVISIBLE = "PARALLEL_HEADS_INDIVISIBLE";
    /** KV heads are fewer than the tensor-parallel size and get replicated. */
    public static final String PARALLEL_KV_HEADS_REPLICATED = "PARALLEL_KV_HEADS_REPLICATED";
    /** KV heads and tensor-parallel size divide neither way. */
    public static final String PARALLEL_KV_HEADS_INDIVISIBLE = "PARALLEL_KV_HEADS_INDIVISIBLE";
    /** More pipeline stages than layers. */
    public static final String PARALLEL_PIPELINE_EXCEEDS_LAYERS = "PARALLEL_PIPELINE_EXCEEDS_LAYERS";
    /** Layers do not split evenly over pipeline stages. */
    public static final String PARALLEL_PIPELINE_UNEVEN = "PARALLEL_PIPELINE_UNEVEN";
    /** Expert parallel size does not divide the experts, or exceeds the tensor group. */
    public static final String PARALLEL_EXPERTS_INDIVISIBLE = "PARALLEL_EXPERTS_INDIVISIBLE";
    /** Expert parallelism requested for a dense model. */
    public static final String PARALLEL_EXPERT_IGNORED = "PARALLEL_EXPERT_IGNORED";
    /** target.devices differs from tensor × pipeline. */
    public static final String PARALLEL_DEVICES_MISMATCH = "PARALLEL_DEVICES_MISMATCH";
    /** The config spans more devices than one node has. */
    public static final String PARALLEL_MULTI_NODE = "PARALLEL_MULTI_NODE";
    /** maxModelLen exceeds the model's max_position_embeddings. */
    public static final String LIMITS_MAX_MODEL_LEN_EXCEEDS_MODEL = "LIMITS_MAX_MODEL_LEN_EXCEEDS_MODEL";
    /** Weights, activations and overhead leave no memory for the KV cache. */
    public static final String MEMORY_NO_KV_SPACE = "MEMORY_NO_KV_SPACE";
    /** The KV cache cannot hold one sequence of maxModelLen tokens. */
    public static final String MEMORY_MAX_MODEL_LEN_TOO_LARGE = "MEMORY_MAX_MODEL_LEN_TOO_LARGE";
    /** The KV cache holds fewer full-length sequences than the workload's concurrency. */
    public static final String MEMORY_CONCURRENCY_LIMITED = "MEMORY_CONCURRENCY_LIMITED";
    /** Summary of the memory plan. */
    public static final String MEMORY_PLAN = "MEMORY_PLAN";
    /** The engine version is not one the engine profiles know: the message names the version modelled instead (INFO). */
    public static final String ENGINE_VERSION_MODELLED = "ENGINE_VERSION_MODELLED";
    /** A value the engine ignores (e.g. a block size for llama.cpp). */
    public static final String CONFIG_IGNORED = "CONFIG_IGNORED";

    /** The emulated low-precision layer drifts from the fp64 reference past its data type's thresholds. */
    public static final String NUMERICS_DEGRADED = "NUMERICS_DEGRADED";

    private FindingCodes() {
    }
}
