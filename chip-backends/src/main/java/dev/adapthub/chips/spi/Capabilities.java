package dev.adapthub.chips.spi;

import java.util.Map;
import java.util.Set;

/**
 * What a backend declares it supports on one chip. Immutable.
 *
 * @param engines           engine names it runs ({@code vllm}, {@code vllm-ascend}, {@code mindie}, {@code llama.cpp}, {@code sglang}, {@code lmdeploy})
 * @param dataTypes         weight/activation types per engine
 * @param kvCacheTypes      KV-cache types per engine
 * @param quantizations     quantization schemes per engine ({@code none} included when plain weights run)
 * @param attentionVariants attention variants ({@code mha}, {@code gqa}, {@code mqa}, {@code mla},
 *                          {@code sliding-window}, {@code logit-softcap}) per engine
 * @param operators         per engine, per model architecture ({@code model_type}), the operators implemented
 * @param blockSizes        KV block-size rule per engine
 * @param parallel          parallelism limits
 */
public record Capabilities(
        Set<String> engines,
        Map<String, Set<String>> dataTypes,
        Map<String, Set<String>> kvCacheTypes,
        Map<String, Set<String>> quantizations,
        Map<String, Set<String>> attentionVariants,
        Map<String, Map<String, Set<String>>> operators,
        Map<String, BlockSizeRule> blockSizes,
        ParallelLimits parallel) {

    public Capabilities {
        engines = Set.copyOf(engines);
        dataTypes = Map.copyOf(dataTypes);
        kvCacheTypes = Map.copyOf(kvCacheTypes);
        quantizations = Map.copyOf(quantizations);
        attentionVariants = Map.copyOf(attentionVariants);
        operators = Map.copyOf(operators);
        blockSizes = Map.copyOf(blockSizes);
    }

    /**
     * KV block sizes an engine accepts.
     *
     * @param defaultSize what the engine uses when none is given (0: no paged KV cache)
     * @param multipleOf  every size must be a multiple of this (1: no rule)
     * @param allowed     explicit set of sizes; empty means any positive multiple of {@code multipleOf}
     */
    public record BlockSizeRule(int defaultSize, int multipleOf, Set<Integer> allowed) {
        public BlockSizeRule {
            allowed = Set.copyOf(allowed);
        }

        /** Whether a size follows the rule. */
        public boolean accepts(int size) {
            if (defaultSize == 0) {
                return true;
            }
            return size > 0 && size % multipleOf == 0 && (allowed.isEmpty() || allowed.contains(size));
        }
    }

    /**
     * Parallel limits.
     *
     * @param maxTensor   largest tensor-parallel group (usually devices per node)
     * @param maxPipeline largest pipeline-parallel size
     * @param maxExpert   largest expert-parallel size
     */
    public record ParallelLimits(int maxTensor, int maxPipeline, int maxExpert) { }
}
