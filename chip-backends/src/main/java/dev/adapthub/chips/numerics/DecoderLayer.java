package dev.adapthub.chips.numerics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pre-norm decoder layer: {@code r = x + Attn(RMSNorm(x))},
 * {@code out = r + FFN(RMSNorm(r))}, where FFN is a SwiGLU MLP or a mixture of SwiGLU experts
 * (router softmax over all experts, top-k, top-k weights renormalised to sum 1 as Mixtral and
 * Qwen-MoE do). Every op's output goes through {@link Arithmetic#store}.
 */
final class DecoderLayer {

    /** The tensors a run is judged by; {@code routes} is null for a dense layer. */
    record Trace(double[] attnOut, double[] mlpOut, double[] layerOut, double[] kvCache, int kvWidth,
                 int[][] routes) {
    }

    private final ScaledDims d;
    private final Arithmetic ar;

    DecoderLayer(ScaledDims d, Arithmetic ar) {
        this.d = d;
        this.ar = ar;
    }

    Trace forward(double[] input, LayerWeights w) {
        int seq = d.seq();
        int h = d.hidden();
        double[] x = input.clone();
        ar.store(x);
        double[] normed = x.clone();
        rmsNorm(normed, seq, h, w.inputNorm(), d.normEps());
        ar.store(normed);
        Attention.Result attn = new Attention(d, ar).forward(normed, w);
        double[] residual = add(x, attn.out());
        double[] normed2 = residual.clone();
        rmsNorm(normed2, seq, h, w.postNorm(), d.normEps());
        ar.store(normed2);
        int[][] routes = null;
        double[] ffn;
        if (d.isMoe()) {
            routes = new int[seq][];
            ffn = moe(normed2, w, routes);
        } else {
            ffn = swiglu(normed2, seq, w.experts().get(0));
        }
        double[] out = add(residual, ffn);
        return new Trace(attn.out(), ffn, out, attn.kvCache(), attn.kvWidth(), routes);
    }

    private double[] swiglu(double[] x, int rows, LayerWeights.Expert e) {
        double[] gate = ar.linear(x, rows, e.gate());
        double[] up = ar.linear(x, rows, e.up());
        ar.store(gate);
        ar.store(up);
        for (int i = 0; i < gate.length; i++) {
            double g = gate[i];
            gate[i] = g / (1 + StrictMath.exp(-g)) * up[i];
        }
        ar.store(gate);
        double[] down = ar.linear(gate, rows, e.down());
        ar.store(down);
        return down;
    }

    private double[] moe(double[] x, LayerWeights w, int[][] routes) {
        int seq = d.seq();
        int h = d.hidden();
        int experts = d.experts();
        double[] logits = ar.linear(x, seq, w.router(), false);
        ar.store(logits);
        double[][] gates = new double[seq][];
        List<List<Integer>> tokensOf = new ArrayList<>();
        for (int e = 0; e < experts; e++) {
            tokensOf.add(new ArrayList<>());
        }
        for (int t = 0; t < seq; t++) {
            double[] probs = Arrays.copyOfRange(logits, t * experts, (t + 1) * experts);
            softmax(probs);
            routes[t] = topK(probs, d.topK());
            gates[t] = new double[d.topK()];
            double sum = 0;
            for (int r = 0; r < d.topK(); r++) {
                sum += probs[routes[t][r]];
            }
            for (int r = 0; r < d.topK(); r++) {
                gates[t][r] = probs[routes[t][r]] / sum;
                tokensOf.get(routes[t][r]).add(t);
            }
        }
        double[] out = new double[seq * h];
        for (int e = 0; e < experts; e++) {
            List<Integer> tokens = tokensOf.get(e);
            if (tokens.isEmpty()) {
                continue;
            }
            double[] batch = new double[tokens.size() * h];
            for (int i = 0; i < tokens.size(); i++) {
                System.arraycopy(x, tokens.get(i) * h, batch, i * h, h);
            }
            double[] y = swiglu(batch, tokens.size(), w.experts().get(e));
            for (int i = 0; i < tokens.size(); i++) {
                int t = tokens.get(i);
                double gate = gates[t][indexOf(routes[t], e)];
                for (int c = 0; c < h; c++) {
                    out[t * h + c] += gate * y[i * h + c];
                }
            }
        }
        ar.store(out);
        return out;
    }

    private double[] add(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        ar.store(sum);
        return sum;
    }

    /** RMSNorm of each row in place: {@code x / sqrt(mean(x^2) + eps) * gain}. */
    static void rmsNorm(double[] t, int rows, int cols, double[] gain, double eps) {
        for (int r = 0; r < rows; r++) {
            double ss = 0;
            for (int c = 0; c < cols; c++) {
                double v = t[r * cols + c];
                ss += v * v;
            }
            double inv = 1 / Math.sqrt(ss / cols + eps);
            for (int c = 0; c < cols; c++) {
                t[r * cols + c] = t[r * cols + c] * inv * gain[c];
            }
        }
    }

    private static void softmax(double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : p) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = StrictMath.exp(p[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
    }

    /** Indices of the k largest values, largest first; ties go to the lower index. */
    static int[] topK(double[] p, int k) {
        int[] chosen = new int[k];
        boolean[] taken = new boolean[p.length];
        for (int r = 0; r < k; r++) {
            int best = -1;
            for (int i = 0; i < p.length; i++) {
                if (!taken[i] && (best < 0 || p[i] > p[best])) {
                    best = i;
                }
            }
            taken[best] = true;
            chosen[r] = best;
        }
        return chosen;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new IllegalStateException("expert " + v + " not in route " + Arrays.toString(a));
    }
}
