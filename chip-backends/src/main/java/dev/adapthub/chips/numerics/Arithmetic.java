package dev.adapthub.chips.numerics;

/**
 * The arithmetic a forward pass runs in. The pass is written once against this interface:
 * {@link Reference} computes in fp64 and stores nothing lossy; {@link Emulated} stores every
 * op's output in the plan's formats and accumulates in fp32, as accelerators do.
 */
interface Arithmetic {

    /**
     * {@code y = x W^T}: {@code x} is rows x w.cols(), the result rows x w.rows().
     *
     * @param quantizeInput false for layers quantization recipes leave in the model dtype
     *                      (the MoE router), whose input is never fp8/int quantized
     */
    double[] linear(double[] x, int rows, Matrix w, boolean quantizeInput);

    /** A quantized linear layer. */
    default double[] linear(double[] x, int rows, Matrix w) {
        return linear(x, rows, w, true);
    }

    /** Dot product of {@code n} elements of two strided vectors (attention scores and P*V). */
    double dot(double[] a, int aOffset, int aStride, double[] b, int bOffset, int bStride, int n);

    /** Stores an op's output (activations, attention probabilities) in place. */
    void store(double[] t);

    /** Writes keys/values to the KV cache in place; {@code group} elements share a scale. */
    void storeKv(double[] t, int rows, int cols, int group);

    /** fp64 reference; remembers the largest activation magnitude it saw. */
    final class Reference implements Arithmetic {
        private double maxAbs;

        double maxAbs() {
            return maxAbs;
        }

        @Override
        public double[] linear(double[] x, int rows, Matrix w, boolean quantizeInput) {
            int in = w.cols();
            int out = w.rows();
            double[] wv = w.values();
            double[] y = new double[rows * out];
            for (int r = 0; r < rows; r++) {
                int xo = r * in;
                int n = 0;
                for (; n + 3 < out; n += 4) {
                    int w0 = n * in;
                    double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
                    for (int k = 0; k < in; k++) {
                        double xv = x[xo + k];
                        a0 += xv * wv[w0 + k];
                        a1 += xv * wv[w0 + in + k];
                        a2 += xv * wv[w0 + 2 * in + k];
                        a3 += xv * wv[w0 + 3 * in + k];
                    }
                    int yo = r * out + n;
                    y[yo] = a0;
                    y[yo + 1] = a1;
                    y[yo + 2] = a2;
                    y[yo + 3] = a3;
                }
                for (; n < out; n++) {
                    y[r * out + n] = dot(x, xo, 1, wv, n * in, 1, in);
                }
            }
            return y;
        }

        @Override
        public double dot(double[] a, int ao, int as, double[] b, int bo, int bs, int n) {
            double acc = 0;
            for (int i = 0; i < n; i++) {
                acc += a[ao + i * as] * b[bo + i * bs];
            }
            return acc;
        }

        @Override
        public void store(double[] t) {
            for (double v : t) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }

        @Override
        public void storeKv(double[] t, int rows, int cols, int group) {
            store(t);
        }
    }

    /** The plan's formats with fp32 accumulation; weights are expected already quantized. */
    final class Emulated implements Arithmetic {
        private final PrecisionPlan plan;

        Emulated(PrecisionPlan plan) {
            this.plan = plan;
        }

        @Override
        public double[] linear(double[] x, int rows, Matrix w, boolean quantizeInput) {
            int in = w.cols();
            int out = w.rows();
            float[] xs = toFloat(x);
            if (quantizeInput && plan.activations().needsScale()) {
                // w8a8-style: dynamic per-token scale on the linear layer's input
                double[] q = x.clone();
                Quantizer.rows(q, rows, in, in, plan.activations());
                xs = toFloat(q);
            }
            float[] wv = toFloat(w.values());
            double[] y = new double[rows * out];
            for (int r = 0; r < rows; r++) {
                int xo = r * in;
                int n = 0;
                // four outputs at a time: independent fp32 chains, each still summed in order
                for (; n + 3 < out; n += 4) {
                    int w0 = n * in;
                    float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f;
                    for (int k = 0; k < in; k++) {
                        float xv = xs[xo + k];
                        a0 += xv * wv[w0 + k];
                        a1 += xv * wv[w0 + in + k];
                        a2 += xv * wv[w0 + 2 * in + k];
                        a3 += xv * wv[w0 + 3 * in + k];
                    }
                    int yo = r * out + n;
                    y[yo] = a0;
                    y[yo + 1] = a1;
                    y[yo + 2] = a2;
                    y[yo + 3] = a3;
                }
                for (; n < out; n++) {
                    int wo = n * in;
                    float acc = 0f;
                    for (int k = 0; k < in; k++) {
                        acc += xs[xo + k] * wv[wo + k];
                    }
                    y[r * out + n] = acc;
                }
            }
            return y;
        }

        @Override
        public double dot(double[] a, int ao, int as, double[] b, int bo, int bs, int n) {
            float acc = 0f;
            for (int i = 0; i < n; i++) {
                acc += (float) a[ao + i * as] * (float) b[bo + i * bs];
            }
            return acc;
        }

        @Override
        public void store(double[] t) {
            Quantizer.elementwise(t, plan.carrier());
        }

        @Override
        public void storeKv(double[] t, int rows, int cols, int group) {
            Quantizer.rows(t, rows, cols, group, plan.kvCache());
        }

        private static float[] toFloat(double[] v) {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            return f;
        }
    }
}
