package dev.adapthub.chips.model;

/**
 * Mixture-of-experts layout.
 *
 * @param numExperts          routed experts per MoE layer
 * @param expertsPerToken     experts each token is routed to (top-k)
 * @param expertIntermediate  intermediate size of one routed expert
 * @param sharedIntermediate  total intermediate size of the always-on shared expert(s), 0 if none
 * @param denseLayers         leading layers that use a dense MLP instead (DeepSeek first_k_dense_replace)
 * @param denseIntermediate   intermediate size of those dense MLPs
 * @param sharedExpertGate    whether the shared expert has a scalar gate (Qwen2-MoE)
 */
public record Moe(int numExperts, int expertsPerToken, int expertIntermediate, int sharedIntermediate,
                  int denseLayers, int denseIntermediate, boolean sharedExpertGate) {
}
