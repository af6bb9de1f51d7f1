package dev.adapthub.web.adaptation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry of the memory breakdown: one horizontal bar per device (every device holds the same
 * share under tensor parallelism), split into weights, activations, overhead, KV cache and free
 * memory, drawn by {@code adaptations/report.html} as SVG rectangles with CSS classes.
 */
public record MemoryChart(int width, int height, List<Bar> bars, List<Segment> legend, double budgetX) {

    static final int LEFT = 90;
    static final int BAR_WIDTH = 520;
    static final int BAR_HEIGHT = 22;
    static final int GAP = 8;
    static final int MAX_BARS = 8;
    private static final double GIB = 1024.0 * 1024 * 1024;

    /** One device's bar. */
    public record Bar(String label, int y, List<Segment> segments) {
    }

    /** A part of a bar; {@code cls} is the CSS class that colours it. */
    public record Segment(String cls, String name, double x, double width, double gib, String title) {
    }

    static MemoryChart of(int devices, long total, long budget, long weights, long activations, long overhead,
            long kvCache) {
        long free = Math.max(0, total - weights - activations - overhead - kvCache);
        long[] sizes = {weights, activations, overhead, kvCache, free};
        String[] classes = {"mem-weights", "mem-activations", "mem-overhead", "mem-kv", "mem-free"};
        String[] names = {"weights", "activations", "overhead", "KV cache", "free"};
        double scale = total <= 0 ? 0 : (double) BAR_WIDTH / Math.max(total, weights + activations + overhead + kvCache);
        List<Segment> segments = new ArrayList<>();
        double x = LEFT;
        for (int i = 0; i < sizes.length; i++) {
            double w = sizes[i] * scale;
            double gib = sizes[i] / GIB;
            segments.add(new Segment(classes[i], names[i], x, w, gib,
                    String.format(Locale.ROOT, "%s: %.2f GiB", names[i], gib)));
            x += w;
        }
        int shown = Math.max(1, Math.min(devices, MAX_BARS));
        List<Bar> bars = new ArrayList<>();
        for (int d = 0; d < shown; d++) {
            bars.add(new Bar("device " + d, 10 + d * (BAR_HEIGHT + GAP), segments));
        }
        int height = 10 + shown * (BAR_HEIGHT + GAP) + 10;
        return new MemoryChart(LEFT + BAR_WIDTH + 20, height, bars, segments, LEFT + budget * scale);
    }
}
