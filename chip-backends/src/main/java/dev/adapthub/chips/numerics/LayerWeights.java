package dev.adapthub.chips.numerics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Seeded weights of one scaled-down decoder layer. Projections are Gaussian with standard
 * deviation {@code 1/sqrt(fan_in)} (the scale trained LLM weights have, about 0.016 at width
 * 4096, and the one that keeps activations at unit scale); norm gains are {@code 1 + N(0, 0.1)}.
 *
 * <p>For MLA, {@code k} is {@code kv_a_proj_with_mqa} (latent + shared rope key), {@code v} is
 * {@code kv_b_proj} (latent to per-head no-rope key and value) and {@code kvNorm} the latent's
 * RMSNorm gain; otherwise {@code kvNorm} is empty. A dense layer has one expert and no router.
 */
record LayerWeights(double[] inputNorm, double[] postNorm, Matrix q, Matrix k, Matrix v, Matrix o,
                    double[] kvNorm, Matrix router, List<Expert> experts) {

    /** One SwiGLU feed-forward: {@code down(silu(gate x) * up x)}. */
    record Expert(Matrix gate, Matrix up, Matrix down) {
    }

    static LayerWeights generate(ScaledDims d, SeededNormal rnd) {
        int h = d.hidden();
        double[] inputNorm = rnd.fill(h, 1.0, 0.1);
        double[] postNorm = rnd.fill(h, 1.0, 0.1);
        Matrix q;
        Matrix k;
        Matrix v;
        Matrix o;
        double[] kvNorm = new double[0];
        if (d.isMla()) {
            q = linear(rnd, d.heads() * (d.nopeDim() + d.ropeDim()), h);
            k = linear(rnd, d.kvLoraRank() + d.ropeDim(), h);
            kvNorm = rnd.fill(d.kvLoraRank(), 1.0, 0.1);
            v = linear(rnd, d.heads() * (d.nopeDim() + d.vDim()), d.kvLoraRank());
            o = linear(rnd, h, d.heads() * d.vDim());
        } else {
            q = linear(rnd, d.heads() * d.headDim(), h);
            k = linear(rnd, d.kvHeads() * d.headDim(), h);
            v = linear(rnd, d.kvHeads() * d.headDim(), h);
            o = linear(rnd, h, d.heads() * d.headDim());
        }
        Matrix router = d.isMoe() ? linear(rnd, d.experts(), h) : null;
        List<Expert> experts = new ArrayList<>();
        for (int e = 0; e < Math.max(1, d.experts()); e++) {
            experts.add(new Expert(linear(rnd, d.intermediate(), h), linear(rnd, d.intermediate(), h),
                    linear(rnd, h, d.intermediate())));
        }
        return new LayerWeights(inputNorm, postNorm, q, k, v, o, kvNorm, router, List.copyOf(experts));
    }

    /**
     * These weights with every projection passed through {@code matrices}, the MoE router
     * through {@code router} (quantization recipes leave the gate in the model dtype) and every
     * norm gain through {@code gains}.
     */
    LayerWeights map(UnaryOperator<Matrix> matrices, UnaryOperator<Matrix> routerMap, UnaryOperator<double[]> gains) {
        List<Expert> mapped = new ArrayList<>(experts.size());
        for (Expert e : experts) {
            mapped.add(new Expert(matrices.apply(e.gate()), matrices.apply(e.up()), matrices.apply(e.down())));
        }
        return new LayerWeights(gains.apply(inputNorm), gains.apply(postNorm), matrices.apply(q), matrices.apply(k),
                matrices.apply(v), matrices.apply(o), gains.apply(kvNorm),
                router == null ? null : routerMap.apply(router), List.copyOf(mapped));
    }

    private static Matrix linear(SeededNormal rnd, int out, int in) {
        return new Matrix(out, in, rnd.fill(out * in, 0.0, 1.0 / Math.sqrt(in)));
    }
}
