package dev.adapthub.chips.spi;

import dev.adapthub.chips.model.ModelArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a query with declared {@link Capabilities}: engine, data types, KV-cache type,
 * quantization, attention variants, architecture/operators, block size and parallel limits.
 * The generic half of every backend's {@link ChipBackend#assess}.
 */
public final class CapabilityMatcher {

    private CapabilityMatcher() {
    }

    /** Every mismatch between query and capabilities, in a fixed order. */
    public static SupportAnswer match(Capabilities caps, SupportQuery q) {
        List<Refusal> out = new ArrayList<>();
        String engine = q.engine();
        if (!caps.engines().contains(engine)) {
            out.add(Refusal.of(ReasonCode.ENGINE_UNSUPPORTED, "engine.name", "engine '" + engine
                    + "' does not run on " + q.chip().id(), "use one of " + sorted(caps.engines())));
            return new SupportAnswer(out); // nothing else can be judged for an engine that is absent
        }
        Set<String> types = caps.dataTypes().getOrDefault(engine, Set.of());
        if (!types.contains(q.weightType()) && "none".equals(q.quantization())) {
            out.add(Refusal.of(ReasonCode.DTYPE_UNSUPPORTED, "precision.weights", "weights in " + q.weightType()
                    + " are not supported by " + engine + " on " + q.chip().id(), "use one of " + sorted(types)));
        }
        if (!types.contains(q.activationType())) {
            out.add(Refusal.of(ReasonCode.DTYPE_UNSUPPORTED, "precision.activations", "activations in "
                    + q.activationType() + " are not supported by " + engine + " on " + q.chip().id(),
                    "use one of " + sorted(types)));
        }
        Set<String> kv = caps.kvCacheTypes().getOrDefault(engine, Set.of());
        if (!kv.contains(q.kvCacheType())) {
            out.add(Refusal.of(ReasonCode.KV_CACHE_DTYPE_UNSUPPORTED, "precision.kvCache", "a " + q.kvCacheType()
                    + " KV cache is not supported by " + engine + " on " + q.chip().id(), "use one of " + sorted(kv)));
        }
        Set<String> quants = caps.quantizations().getOrDefault(engine, Set.of());
        if (!quants.contains(q.quantization())) {
            out.add(Refusal.of(ReasonCode.QUANTIZATION_UNSUPPORTED, "quantization", "quantization '"
                    + q.quantization() + "' is not supported by " + engine + " on " + q.chip().id(),
                    "use one of " + sorted(quants)));
        }
        Set<String> variants = caps.attentionVariants().getOrDefault(engine, Set.of());
        for (String v : q.model().attentionVariants()) {
            if (!variants.contains(v)) {
                out.add(Refusal.of(ReasonCode.ATTENTION_UNSUPPORTED, "model", "attention variant '" + v
                        + "' of " + q.model().modelType() + " is not supported by " + engine + " on " + q.chip().id(),
                        "choose another engine or chip"));
            }
        }
        Capabilities.BlockSizeRule rule = caps.blockSizes().get(engine);
        if (rule != null && q.blockSize() > 0 && !rule.accepts(q.blockSize())) {
            String allowed = rule.allowed().isEmpty() ? "a multiple of " + rule.multipleOf()
                    : "one of " + new TreeSet<>(rule.allowed());
            out.add(Refusal.of(ReasonCode.BLOCK_SIZE_UNSUPPORTED, "limits.blockSize", "block size " + q.blockSize()
                    + " is not accepted by " + engine + " on " + q.chip().id(), "use " + allowed
                    + " (default " + rule.defaultSize() + ")"));
        }
        out.addAll(parallel(caps.parallel(), q));
        return new SupportAnswer(out);
    }

    /** Operators of the model missing from the backend's table for its architecture. */
    public static List<Refusal> operators(Capabilities caps, String engine, ModelArchitecture model) {
        Map<String, Set<String>> byArch = caps.operators().getOrDefault(engine, Map.of());
        Set<String> table = byArch.get(model.modelType());
        if (table == null) {
            return List.of(Refusal.of(ReasonCode.ARCHITECTURE_UNSUPPORTED, "model", "architecture '"
                    + model.modelType() + "' is not in the operator table of " + engine,
                    "supported architectures: " + sorted(byArch.keySet())));
        }
        List<Refusal> out = new ArrayList<>();
        for (String op : model.operators()) {
            if (!table.contains(op)) {
                out.add(Refusal.of(ReasonCode.OPERATOR_MISSING, "model", "operator '" + op + "' needed by "
                        + model.modelType() + " is not implemented", "choose another engine or chip"));
            }
        }
        return out;
    }

    private static List<Refusal> parallel(Capabilities.ParallelLimits limits, SupportQuery q) {
        List<Refusal> out = new ArrayList<>();
        if (q.tensorParallel() > limits.maxTensor()) {
            out.add(Refusal.of(ReasonCode.PARALLELISM_UNSUPPORTED, "parallel.tensor", "tensor parallel "
                    + q.tensorParallel() + " exceeds the backend's limit of " + limits.maxTensor(),
                    "use at most " + limits.maxTensor() + " and add pipeline stages"));
        }
        if (q.pipelineParallel() > limits.maxPipeline()) {
            out.add(Refusal.of(ReasonCode.PARALLELISM_UNSUPPORTED, "parallel.pipeline", "pipeline parallel "
                    + q.pipelineParallel() + " exceeds the backend's limit of " + limits.maxPipeline(),
                    "use at most " + limits.maxPipeline()));
        }
        if (q.expertParallel() > limits.maxExpert()) {
            out.add(Refusal.of(ReasonCode.PARALLELISM_UNSUPPORTED, "parallel.expert", "expert parallel "
                    + q.expertParallel() + " exceeds the backend's limit of " + limits.maxExpert(),
                    "use at most " + limits.maxExpert()));
        }
        return out;
    }

    private static String sorted(Set<String> s) {
        return String.join(", ", new TreeSet<>(s));
    }
}
