package dev.adapthub.chips.numerics;

/** Outcome of a numerics comparison, ordered from best to worst. */
public enum Verdict {
    PASS, WARN, FAIL;

    /** The worse of the two. */
    public Verdict and(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
