package dev.adapthub.chips.model;

/**
 * Sliding-window attention.
 *
 * @param window        tokens each query attends to
 * @param slidingLayers how many layers use the window (Gemma 2 alternates: half of them)
 */
public record SlidingWindow(int window, int slidingLayers) {
}
