package dev.adapthub.chips.numerics;

/**
 * Causal self-attention of the scaled layer: GQA/MQA (query head {@code h} reads KV head
 * {@code h / (heads / kvHeads)}) or DeepSeek MLA (keys and values up-projected from a
 * compressed latent, one rope key shared by all heads), with rotary embedding (rotate-half
 * form) and an optional sliding window. Scores and softmax are fp64 in the reference; the
 * emulation accumulates scores in fp32 and stores probabilities in the activation dtype before
 * P*V, as FlashAttention does.
 */
final class Attention {

    /** Output of the attention block and what it wrote to the KV cache (seq rows). */
    record Result(double[] out, double[] kvCache, int kvWidth) {
    }

    private final ScaledDims d;
    private final Arithmetic ar;
    private final Rope rope;

    Attention(ScaledDims d, Arithmetic ar) {
        this.d = d;
        this.ar = ar;
        this.rope = new Rope(d.seq(), d.ropeDim(), d.ropeTheta());
    }

    Result forward(double[] x, LayerWeights w) {
        return d.isMla() ? latent(x, w) : grouped(x, w);
    }

    private Result grouped(double[] x, LayerWeights w) {
        int seq = d.seq();
        int hd = d.headDim();
        int kvWidth = d.kvHeads() * hd;
        double[] q = stored(ar.linear(x, seq, w.q()));
        double[] k = stored(ar.linear(x, seq, w.k()));
        double[] v = stored(ar.linear(x, seq, w.v()));
        rope.apply(q, d.heads() * hd, d.heads(), hd, 0);
        rope.apply(k, kvWidth, d.kvHeads(), hd, 0);
        ar.store(q);
        ar.store(k);
        ar.storeKv(k, seq, kvWidth, hd);
        ar.storeKv(v, seq, kvWidth, hd);
        int qWidth = d.heads() * hd;
        double[] ctx = new double[seq * qWidth];
        double scale = 1 / Math.sqrt(hd);
        double[] p = new double[seq];
        for (int h = 0; h < d.heads(); h++) {
            int kvOff = (h / d.groupSize()) * hd;
            for (int t = 0; t < seq; t++) {
                int first = firstVisible(t);
                for (int j = first; j <= t; j++) {
                    p[j] = scale * ar.dot(q, t * qWidth + h * hd, 1, k, j * kvWidth + kvOff, 1, hd);
                }
                softmax(p, first, t);
                for (int c = 0; c < hd; c++) {
                    ctx[t * qWidth + h * hd + c] = ar.dot(p, first, 1, v, first * kvWidth + kvOff + c, kvWidth, t - first + 1);
                }
            }
        }
        ar.store(ctx);
        double[] out = stored(ar.linear(ctx, seq, w.o()));
        return new Result(out, concat(k, v, seq, kvWidth), 2 * kvWidth);
    }

    private Result latent(double[] x, LayerWeights w) {
        int seq = d.seq();
        int heads = d.heads();
        int nope = d.nopeDim();
        int rd = d.ropeDim();
        int vd = d.vDim();
        int rank = d.kvLoraRank();
        int qkWidth = nope + rd;
        double[] q = stored(ar.linear(x, seq, w.q()));
        double[] kvA = stored(ar.linear(x, seq, w.k()));
        double[] latent = new double[seq * rank];
        double[] kRope = new double[seq * rd];
        for (int t = 0; t < seq; t++) {
            System.arraycopy(kvA, t * (rank + rd), latent, t * rank, rank);
            System.arraycopy(kvA, t * (rank + rd) + rank, kRope, t * rd, rd);
        }
        DecoderLayer.rmsNorm(latent, seq, rank, w.kvNorm(), d.normEps());
        ar.store(latent);
        rope.apply(q, heads * qkWidth, heads, qkWidth, nope);
        rope.apply(kRope, rd, 1, rd, 0);
        ar.store(q);
        ar.store(kRope);
        // the compressed cache: latent and shared rope key, what MLA engines keep per token
        ar.storeKv(latent, seq, rank, rank);
        ar.storeKv(kRope, seq, rd, rd);
        int kvbWidth = heads * (nope + vd);
        double[] kv = stored(ar.linear(latent, seq, w.v()));
        double[] ctx = new double[seq * heads * vd];
        double scale = 1 / Math.sqrt(qkWidth);
        double[] p = new double[seq];
        for (int h = 0; h < heads; h++) {
            int qOff = h * qkWidth;
            int kOff = h * (nope + vd);
            for (int t = 0; t < seq; t++) {
                int first = firstVisible(t);
                for (int j = first; j <= t; j++) {
                    double s = ar.dot(q, t * heads * qkWidth + qOff, 1, kv, j * kvbWidth + kOff, 1, nope)
                            + ar.dot(q, t * heads * qkWidth + qOff + nope, 1, kRope, j * rd, 1, rd);
                    p[j] = scale * s;
                }
                softmax(p, first, t);
                for (int c = 0; c < vd; c++) {
                    ctx[(t * heads + h) * vd + c] = ar.dot(p, first, 1, kv, first * kvbWidth + kOff + nope + c,
                            kvbWidth, t - first + 1);
                }
            }
        }
        ar.store(ctx);
        double[] out = stored(ar.linear(ctx, seq, w.o()));
        return new Result(out, concat(latent, kRope, seq, rank, rd), rank + rd);
    }

    private int firstVisible(int t) {
        return d.window() > 0 ? Math.max(0, t - d.window() + 1) : 0;
    }

    /** Softmax of p[from..to] in place (fp64 in both runs; kernels do it in fp32), then stored. */
    private void softmax(double[] p, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j <= to; j++) {
            max = Math.max(max, p[j]);
        }
        double sum = 0;
        for (int j = from; j <= to; j++) {
            p[j] = StrictMath.exp(p[j] - max);
            sum += p[j];
        }
        for (int j = from; j <= to; j++) {
            p[j] /= sum;
        }
        double[] probs = java.util.Arrays.copyOfRange(p, from, to + 1);
        ar.store(probs);
        System.arraycopy(probs, 0, p, from, probs.length);
    }

    private double[] stored(double[] t) {
        ar.store(t);
        return t;
    }

    private static double[] concat(double[] a, double[] b, int rows, int width) {
        return concat(a, b, rows, width, width);
    }

    private static double[] concat(double[] a, double[] b, int rows, int aw, int bw) {
        double[] out = new double[rows * (aw + bw)];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a, r * aw, out, r * (aw + bw), aw);
            System.arraycopy(b, r * bw, out, r * (aw + bw) + aw, bw);
        }
        return out;
    }
}
