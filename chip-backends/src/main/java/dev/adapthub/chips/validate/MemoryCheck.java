package dev.adapthub.chips.validate;

import dev.adapthub.chips.spi.MemoryPlan;
import java.util.List;
import java.util.Locale;

/** Check 4: the per-device memory plan, and whether maxModelLen and the workload fit. */
final class MemoryCheck implements Check {

    private static final double GIB = 1024.0 * 1024 * 1024;

    @Override
    public void run(Context ctx, List<Finding> out) {
        ResolvedConfig c = ctx.config;
        if (c.maxModelLen() > c.model().maxPositionEmbeddings()) {
            out.add(Finding.of(FindingCodes.LIMITS_MAX_MODEL_LEN_EXCEEDS_MODEL, Severity.ERROR, "limits.maxModelLen",
                    "maxModelLen " + c.maxModelLen() + " exceeds the model's max_position_embeddings "
                            + c.model().maxPositionEmbeddings(), "use at most " + c.model().maxPositionEmbeddings()));
        }
        MemoryPlan p = MemoryPlanner.plan(c);
        ctx.memory = p;
        if (p.kvCacheBytes() <= 0 || (p.blockSize() > 0 && p.kvCacheBlocks() == 0)) {
            out.add(Finding.of(FindingCodes.MEMORY_NO_KV_SPACE, Severity.ERROR, "memory.utilization", String.format(
                    Locale.ROOT, "weights %.2f GiB + activations %.2f GiB + overhead %.2f GiB leave no KV cache in %.2f GiB",
                    p.weightsBytes() / GIB, p.activationBytes() / GIB, p.overheadBytes() / GIB, p.budgetBytes() / GIB),
                    "use more tensor parallelism, a quantized checkpoint, a smaller maxBatchedTokens or a chip with more memory"));
        } else if (!p.fits()) {
            out.add(Finding.of(FindingCodes.MEMORY_MAX_MODEL_LEN_TOO_LARGE, Severity.ERROR, "limits.maxModelLen",
                    "maxModelLen " + c.maxModelLen() + " does not fit: the KV cache holds " + p.kvCacheTokens() + " tokens",
                    p.largestMaxModelLen() > 0 ? "use maxModelLen ≤ " + p.largestMaxModelLen()
                            + ", or raise memory.utilization / tensor parallelism" : "the model does not fit this way"));
        }
        Integer concurrency = c.config().workload().concurrency();
        if (p.fits() && concurrency != null && p.maxConcurrencyAtMaxModelLen() < concurrency) {
            out.add(Finding.of(FindingCodes.MEMORY_CONCURRENCY_LIMITED, Severity.WARNING, "workload.concurrency",
                    String.format(Locale.ROOT, "the KV cache holds %.2f sequences of maxModelLen; the workload wants %d",
                            p.maxConcurrencyAtMaxModelLen(), concurrency),
                    "requests will queue or be preempted; lower maxModelLen or add devices"));
        }
        out.add(Finding.of(FindingCodes.MEMORY_PLAN, Severity.INFO, "", String.format(Locale.ROOT,
                "per device: weights %.2f GiB, activations %.2f GiB, overhead %.2f GiB, KV cache %.2f GiB "
                        + "= %d tokens (%d blocks of %d), %.2f× maxModelLen %d", p.weightsBytes() / GIB,
                p.activationBytes() / GIB, p.overheadBytes() / GIB, p.kvCacheBytes() / GIB, p.kvCacheTokens(),
                p.kvCacheBlocks(), p.blockSize(), p.maxConcurrencyAtMaxModelLen(), p.maxModelLen()), ""));
    }
}
