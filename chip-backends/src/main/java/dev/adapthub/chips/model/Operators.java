package dev.adapthub.chips.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Operator names a forward pass needs; a backend's operator table is matched against these.
 * The names are a stable vocabulary shared with backends (see docs/adapter-guide.md).
 */
public final class Operators {

    public static final String EMBEDDING = "embedding";
    public static final String LINEAR = "linear";
    public static final String LINEAR_BIAS = "linear_bias";
    public static final String RMS_NORM = "rms_norm";
    public static final String GEMMA_RMS_NORM = "gemma_rms_norm";
    public static final String ROTARY = "rotary_embedding";
    public static final String YARN_ROTARY = "yarn_rotary_embedding";
    public static final String LONGROPE_ROTARY = "longrope_rotary_embedding";
    public static final String PAGED_ATTENTION = "paged_attention";
    public static final String MLA_ATTENTION = "mla_attention";
    public static final String SLIDING_WINDOW_ATTENTION = "sliding_window_attention";
    public static final String SOFTCAP = "logit_softcap";
    public static final String SILU_AND_MUL = "silu_and_mul";
    public static final String GELU_TANH_AND_MUL = "gelu_tanh_and_mul";
    public static final String QK_NORM = "qk_norm";
    public static final String FUSED_MOE = "fused_moe";
    public static final String TOPK_SOFTMAX = "topk_softmax";
    public static final String GROUPED_TOPK = "grouped_topk";
    public static final String SAMPLER = "sampler";

    private Operators() {
    }

    /** The operator list of a model, in forward order. */
    public static List<String> forArchitecture(ModelArchitecture m) {
        List<String> ops = new ArrayList<>();
        ops.add(EMBEDDING);
        ops.add("gemma2".equals(m.modelType()) ? GEMMA_RMS_NORM : RMS_NORM);
        ops.add(LINEAR);
        if (m.qkvBias()) {
            ops.add(LINEAR_BIAS);
        }
        if (m.qkNorm()) {
            ops.add(QK_NORM);
        }
        switch (m.modelType()) {
            case "deepseek_v2", "deepseek_v3" -> ops.add(YARN_ROTARY);
            case "phi3" -> ops.add(LONGROPE_ROTARY);
            default -> ops.add(ROTARY);
        }
        ops.add(m.mla() != null ? MLA_ATTENTION : PAGED_ATTENTION);
        if (m.slidingWindow() != null) {
            ops.add(SLIDING_WINDOW_ATTENTION);
        }
        if (m.logitSoftcap()) {
            ops.add(SOFTCAP);
        }
        ops.add("gemma2".equals(m.modelType()) ? GELU_TANH_AND_MUL : SILU_AND_MUL);
        if (m.moe() != null) {
            ops.add(FUSED_MOE);
            ops.add("deepseek_v3".equals(m.modelType()) ? GROUPED_TOPK : TOPK_SOFTMAX);
        }
        ops.add(SAMPLER);
        return ops;
    }
}
