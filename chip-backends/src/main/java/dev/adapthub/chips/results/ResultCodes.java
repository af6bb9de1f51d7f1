package dev.adapthub.chips.results;

/** The finding codes of measured results. Stable: documented in docs/adapter-guide.md. */
public final class ResultCodes {

    public static final String TOO_LARGE = "RESULT_TOO_LARGE";
    public static final String NOT_JSON = "RESULT_NOT_JSON";
    public static final String UNKNOWN_FORMAT = "RESULT_UNKNOWN_FORMAT";
    public static final String MISSING_FIELD = "RESULT_MISSING_FIELD";
    public static final String BAD_VALUE = "RESULT_BAD_VALUE";
    public static final String BAD_SIDECAR = "RESULT_BAD_SIDECAR";
    public static final String CHIP_MISSING = "RESULT_CHIP_MISSING";
    public static final String CHIP_MISMATCH = "RESULT_CHIP_MISMATCH";
    public static final String MODEL_MISMATCH = "RESULT_MODEL_MISMATCH";
    public static final String PARALLELISM_MISMATCH = "RESULT_PARALLELISM_MISMATCH";
    public static final String ENGINE_MISMATCH = "RESULT_ENGINE_MISMATCH";
    public static final String ENGINE_UNSTATED = "RESULT_ENGINE_UNSTATED";
    public static final String ABOVE_PHYSICAL_LIMIT = "RESULT_ABOVE_PHYSICAL_LIMIT";
    public static final String FAILED_REQUESTS = "RESULT_FAILED_REQUESTS";
    public static final String MIXED_RUNS = "RESULT_MIXED_RUNS";
    public static final String WORKLOAD_DIFFERS = "RESULT_WORKLOAD_DIFFERS";
    public static final String NOT_A_RUN_FILE = "RESULT_NOT_A_RUN_FILE";
    public static final String TOO_MANY_FILES = "RESULT_TOO_MANY_FILES";
    public static final String ORPHAN_SIDECAR = "RESULT_ORPHAN_SIDECAR";
    public static final String CONFIG_INVALID = "RESULT_CONFIG_INVALID";

    private ResultCodes() {
    }
}
