package dev.adapthub.chips.validate;

import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.spi.ReasonCode;
import dev.adapthub.chips.spi.Refusal;
import java.util.List;

/**
 * Check 3: attention and KV heads against tensor parallelism (vLLM asserts heads % tp == 0 and
 * replicates KV heads when tp > kv heads, which needs tp % kv_heads == 0), pipeline stages
 * against layers, experts against expert parallelism, devices against tp × pp and the node.
 */
final class ParallelismCheck implements Check {

    @Override
    public void run(Context ctx, List<Finding> out) {
        for (Refusal r : ctx.answer.refusals()) {
            if (r.code() == ReasonCode.PARALLELISM_UNSUPPORTED) {
                out.add(SupportCheck.toFinding(r));
            }
        }
        ResolvedConfig c = ctx.config;
        ModelArchitecture m = c.model();
        int tp = c.tensor();
        if (m.numAttentionHeads() % tp != 0) {
            out.add(Finding.of(FindingCodes.PARALLEL_HEADS_INDIVISIBLE, Severity.ERROR, "parallel.tensor",
                    m.numAttentionHeads() + " attention heads do not split over tensor parallel " + tp,
                    "use a tensor size that divides " + m.numAttentionHeads()));
        }
        if (m.mla() == null && tp > m.numKvHeads()) {
            if (tp % m.numKvHeads() == 0) {
                out.add(Finding.of(FindingCodes.PARALLEL_KV_HEADS_REPLICATED, Severity.INFO, "parallel.tensor",
                        m.numKvHeads() + " KV heads are replicated over " + tp + " ranks (each rank keeps one)",
                        "KV memory per token does not shrink beyond tensor " + m.numKvHeads()));
            } else {
                out.add(Finding.of(FindingCodes.PARALLEL_KV_HEADS_INDIVISIBLE, Severity.ERROR, "parallel.tensor",
                        "tensor parallel " + tp + " is not a multiple of the " + m.numKvHeads() + " KV heads",
                        "use a divisor or a multiple of " + m.numKvHeads()));
            }
        } else if (m.mla() == null && m.numKvHeads() % tp != 0) {
            out.add(Finding.of(FindingCodes.PARALLEL_KV_HEADS_INDIVISIBLE, Severity.ERROR, "parallel.tensor",
                    m.numKvHeads() + " KV heads do not split over tensor parallel " + tp,
                    "use a tensor size that divides " + m.numKvHeads()));
        }
        int pp = c.pipeline();
        if (pp > m.numLayers()) {
            out.add(Finding.of(FindingCodes.PARALLEL_PIPELINE_EXCEEDS_LAYERS, Severity.ERROR, "parallel.pipeline",
                    pp + " pipeline stages for " + m.numLayers() + " layers", "use at most " + m.numLayers()));
        } else if (m.numLayers() % pp != 0) {
            out.add(Finding.of(FindingCodes.PARALLEL_PIPELINE_UNEVEN, Severity.INFO, "parallel.pipeline",
                    m.numLayers() + " layers split unevenly over " + pp + " stages; the largest stage sets memory",
                    ""));
        }
        experts(c, m, out);
        devices(c, out);
    }

    private static void experts(ResolvedConfig c, ModelArchitecture m, List<Finding> out) {
        int ep = c.expert();
        if (ep <= 1) {
            return;
        }
        if (m.moe() == null) {
            out.add(Finding.of(FindingCodes.PARALLEL_EXPERT_IGNORED, Severity.WARNING, "parallel.expert",
                    m.modelType() + " has no experts; expert parallelism does nothing", "remove parallel.expert"));
        } else if (m.moe().numExperts() % ep != 0 || ep > c.tensor()) {
            out.add(Finding.of(FindingCodes.PARALLEL_EXPERTS_INDIVISIBLE, Severity.ERROR, "parallel.expert",
                    m.moe().numExperts() + " experts over expert parallel " + ep + " (tensor group " + c.tensor()
                            + "): experts must split evenly and the expert group is formed from the tensor group",
                    "use an expert size that divides " + m.moe().numExperts() + " and is at most parallel.tensor"));
        }
    }

    private static void devices(ResolvedConfig c, List<Finding> out) {
        int needed = c.tensor() * c.pipeline();
        Integer declared = c.config().target().devices();
        if (declared != null && declared != needed) {
            out.add(Finding.of(FindingCodes.PARALLEL_DEVICES_MISMATCH, declared < needed ? Severity.ERROR : Severity.WARNING,
                    "target.devices", "target.devices is " + declared + " but tensor × pipeline = " + needed,
                    "set target.devices: " + needed));
        }
        int node = c.chip().devicesPerNodeOrOne();
        if (needed > node) {
            out.add(Finding.of(FindingCodes.PARALLEL_MULTI_NODE, Severity.WARNING, "parallel",
                    needed + " devices exceed the " + node + " per node of " + c.chip().id()
                            + ": the config spans nodes", "keep tensor parallel within a node; use pipeline across nodes"));
        }
    }
}
