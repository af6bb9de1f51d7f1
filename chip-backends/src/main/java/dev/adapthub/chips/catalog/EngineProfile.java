package dev.adapthub.chips.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * How one engine behaves over a range of its versions, as the memory and performance models need
 * it: defaults, how the KV cache is sized, and the fractions of a chip's peaks it reaches. Read
 * from {@code catalog/engines/<engine>.yaml}; every figure carries a source and a confidence.
 *
 * <p>Invariants: {@code from <= modelled}, {@code until} null or {@code > from}; figure names are
 * the constants of this class.
 *
 * @param engine       engine name as in {@code engine.name}
 * @param from         first version of the range (inclusive)
 * @param until        first version after the range, or null for "and later"
 * @param modelled     the release whose behaviour the figures describe
 * @param scheduler    {@code v0}, {@code v1} or the engine's own word
 * @param memoryRule   how the KV cache is sized
 * @param prefillRule  how the prefill (profile-run) token budget follows from the config
 * @param flags        yes/no behaviours ({@link #MLA_COMPRESSED_KV}, ...)
 * @param figures      engine-wide numbers ({@link #MAX_NUM_SEQS}, ...)
 * @param families     numbers that differ by chip family ({@link #NON_TORCH_GIB}, {@link #DECODE_BANDWIDTH}, ...)
 * @param sources      source key → title and link
 */
public record EngineProfile(String engine, EngineRelease from, EngineRelease until, String modelled,
                            String scheduler, MemoryRule memoryRule, PrefillRule prefillRule,
                            Map<String, Boolean> flags, Map<String, Figure> figures,
                            Map<ChipFamily, Map<String, Figure>> families, Map<String, ChipSpec.Source> sources) {

    public static final String UTILIZATION = "utilization";
    public static final String MAX_NUM_SEQS = "maxNumSeqs";
    public static final String MAX_NUM_SEQS_LARGE = "maxNumSeqsLargeDevice";
    public static final String LARGE_DEVICE_GIB = "largeDeviceGiB";
    public static final String BATCHED_TOKENS = "batchedTokens";
    public static final String BATCHED_TOKENS_LARGE = "batchedTokensLargeDevice";
    public static final String MIN_BATCHED_TOKENS = "minBatchedTokens";
    public static final String CHUNKED_ABOVE = "chunkedPrefillAbove";
    public static final String CHUNKED_BATCHED_TOKENS = "chunkedBatchedTokens";
    public static final String BLOCK_SIZE = "blockSize";
    public static final String CACHE_FRACTION = "cacheFraction";
    public static final String NON_TORCH_GIB = "nonTorchGiB";
    public static final String TP_COMM_GIB = "tpCommGiB";
    public static final String TP_PER_EXTRA_PEER_MIB = "tpPerExtraPeerMiB";
    public static final String DECODE_BANDWIDTH = "decodeBandwidth";
    public static final String COMPUTE = "compute";
    public static final String COLLECTIVE_US = "collectiveUs";
    public static final String MLA_COMPRESSED_KV = "mlaCompressedKv";

    /** How the engine sizes its KV cache. */
    public enum MemoryRule {
        /** vLLM family: total × utilization − weights − profile-run activation peak − non-torch memory. */
        PROFILE,
        /** SGLang: total × mem_fraction_static − weights − non-torch memory (no activation profile). */
        STATIC_FRACTION,
        /** LMDeploy: cacheFraction × (memory free after the weights are loaded). */
        CACHE_FRACTION,
        /** llama.cpp: the whole context (n_ctx × slots) is allocated up front. */
        WHOLE_CONTEXT
    }

    /** How the per-step token budget (and the profile run's batch) is chosen when the config gives none. */
    public enum PrefillRule {
        /** vLLM V0: max(maxModelLen, minBatchedTokens), chunked to chunkedBatchedTokens above chunkedPrefillAbove. */
        MODEL_LEN,
        /** vLLM V1: batchedTokensLargeDevice on devices of at least largeDeviceGiB, else batchedTokens. */
        BY_DEVICE,
        /** A fixed budget: batchedTokens. */
        FIXED
    }

    /** Whether {@code version} falls in this range. */
    public boolean covers(EngineRelease version) {
        return version.compareTo(from) >= 0 && (until == null || version.compareTo(until) < 0);
    }

    /** An engine-wide figure. */
    public Optional<Figure> figure(String name) {
        return Optional.ofNullable(figures.get(name));
    }

    /** An engine-wide number, or {@code fallback} when the profile does not state it. */
    public double number(String name, double fallback) {
        Figure f = figures.get(name);
        return f == null ? fallback : f.value();
    }

    /** A per-family number, else the engine-wide one, else {@code fallback}. */
    public double number(ChipFamily family, String name, double fallback) {
        Map<String, Figure> byFamily = families.get(family);
        Figure f = byFamily == null ? null : byFamily.get(name);
        return f != null ? f.value() : number(name, fallback);
    }

    /** A yes/no behaviour; false when not stated. */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(flags.get(name));
    }

    /** "vllm 0.5–0.7 (modelled as 0.6.4)". */
    public String describe() {
        return engine + " " + from + (until == null ? "+" : "–" + until) + " (modelled as " + modelled + ")";
    }
}
