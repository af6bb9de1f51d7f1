package dev.adapthub.chips.spi;

import java.util.List;

/** The engine names the hub models (values of {@code engine.name}). */
public final class Engines {

    public static final String VLLM = "vllm";
    public static final String VLLM_ASCEND = "vllm-ascend";
    public static final String MINDIE = "mindie";
    public static final String LLAMA_CPP = "llama.cpp";
    /** SGLang (NVIDIA, AMD; Ascend through its NPU backend). */
    public static final String SGLANG = "sglang";
    /** LMDeploy (TurboMind / PyTorch engines; Ascend through dlinfer). */
    public static final String LMDEPLOY = "lmdeploy";
    public static final List<String> ALL = List.of(VLLM, VLLM_ASCEND, MINDIE, LLAMA_CPP, SGLANG, LMDEPLOY);

    private Engines() {
    }
}
