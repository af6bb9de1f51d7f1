package dev.adapthub.chips.numerics;

/**
 * Rotary position embedding in the rotate-half (GPT-NeoX / Llama) form: dimension {@code i}
 * of the rotated part pairs with {@code i + dim/2}, at angle
 * {@code pos * theta^(-2i/dim)}. Angles use {@link StrictMath} so runs are bit-reproducible.
 */
final class Rope {

    private final int dim;
    private final double[] cos;
    private final double[] sin;

    Rope(int seq, int dim, double theta) {
        this.dim = dim;
        int half = dim / 2;
        this.cos = new double[seq * half];
        this.sin = new double[seq * half];
        for (int pos = 0; pos < seq; pos++) {
            for (int i = 0; i < half; i++) {
                double angle = pos * StrictMath.pow(theta, -2.0 * i / dim);
                cos[pos * half + i] = StrictMath.cos(angle);
                sin[pos * half + i] = StrictMath.sin(angle);
            }
        }
    }

    /**
     * Rotates, in every row of {@code t} (row width {@code width}) and each of {@code heads}
     * heads of {@code headWidth}, the {@code dim} elements starting at {@code offset} in the head.
     */
    void apply(double[] t, int width, int heads, int headWidth, int offset) {
        int half = dim / 2;
        int rows = t.length / width;
        for (int pos = 0; pos < rows; pos++) {
            for (int h = 0; h < heads; h++) {
                int base = pos * width + h * headWidth + offset;
                for (int i = 0; i < half; i++) {
                    double c = cos[pos * half + i];
                    double s = sin[pos * half + i];
                    double x1 = t[base + i];
                    double x2 = t[base + i + half];
                    t[base + i] = x1 * c - x2 * s;
                    t[base + i + half] = x2 * c + x1 * s;
                }
            }
        }
    }
}
