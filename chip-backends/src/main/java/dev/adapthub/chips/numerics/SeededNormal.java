package dev.adapthub.chips.numerics;

import java.util.SplittableRandom;

/**
 * Standard normal numbers from a seed, identical on every JVM and platform: SplittableRandom's
 * sequence is specified, and Marsaglia's polar method needs only {@link StrictMath#log} and the
 * correctly rounded {@link Math#sqrt} (the JDK's own {@code nextGaussian} may change between
 * releases and uses intrinsic {@code Math.log}).
 */
final class SeededNormal {

    private final SplittableRandom random;
    private double spare;
    private boolean hasSpare;

    SeededNormal(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * StrictMath.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }

    /** {@code n} values {@code mean + std * N(0,1)}. */
    double[] fill(int n, double mean, double std) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean + std * next();
        }
        return out;
    }
}
