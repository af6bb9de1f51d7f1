package dev.adapthub.web.adaptation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry of a roofline plot on log–log axes: arithmetic intensity (FLOP per byte of memory
 * traffic) against attained TFLOPS per device. The roof is {@code min(peak, bandwidth × intensity)};
 * prefill and decode are placed at their intensity and at the FLOPs the report's times imply.
 */
public record RooflineChart(int width, int height, String roof, double ridgeX, List<Tick> xTicks, List<Tick> yTicks,
        List<Point> points, String peakLabel, String bandwidthLabel, int left, int top, int plotWidth,
        int plotHeight) {

    static final int LEFT = 60;
    static final int TOP = 15;
    static final int PLOT_W = 520;
    static final int PLOT_H = 240;
    static final double X_MIN = 0.1;
    static final double X_MAX = 10_000;

    /** An axis label at a position. */
    public record Tick(double at, String label) {
    }

    /** A workload phase on the plot. */
    public record Point(String cls, String label, double cx, double cy, double intensity, double tflops,
            String title) {
    }

    /** A phase to place: FLOPs and bytes per device for one step, and how long the step took. */
    record Phase(String cls, String label, double flops, double bytes, double seconds) {
    }

    static RooflineChart of(double peakTflops, double bandwidthGBs, List<Phase> phases) {
        double yMax = Math.pow(10, Math.ceil(Math.log10(peakTflops * 1.5)));
        double yMin = yMax / 1e5;
        Axis x = new Axis(X_MIN, X_MAX, LEFT, LEFT + PLOT_W);
        Axis y = new Axis(yMin, yMax, TOP + PLOT_H, TOP);
        double bwTflopsPerIntensity = bandwidthGBs / 1000; // GB/s × FLOP/B = GFLOP/s → TFLOPS
        double ridge = peakTflops / bwTflopsPerIntensity;
        StringBuilder roof = new StringBuilder();
        double startI = Math.max(X_MIN, yMin / bwTflopsPerIntensity);
        roof.append(pt(x.at(startI), y.at(Math.max(yMin, startI * bwTflopsPerIntensity))));
        if (ridge < X_MAX) {
            roof.append(' ').append(pt(x.at(ridge), y.at(peakTflops)));
            roof.append(' ').append(pt(x.at(X_MAX), y.at(peakTflops)));
        } else {
            roof.append(' ').append(pt(x.at(X_MAX), y.at(X_MAX * bwTflopsPerIntensity)));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (double v = X_MIN; v <= X_MAX * 1.01; v *= 10) {
            xTicks.add(new Tick(x.at(v), fmt(v)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (double v = yMin; v <= yMax * 1.01; v *= 10) {
            yTicks.add(new Tick(y.at(v), fmt(v)));
        }
        List<Point> points = new ArrayList<>();
        for (Phase p : phases) {
            if (p.flops() <= 0 || p.bytes() <= 0 || p.seconds() <= 0) {
                continue;
            }
            double intensity = p.flops() / p.bytes();
            double tflops = p.flops() / p.seconds() / 1e12;
            points.add(new Point(p.cls(), p.label(), x.at(clamp(intensity, X_MIN, X_MAX)), y.at(clamp(tflops, yMin, yMax)),
                    intensity, tflops, String.format(Locale.ROOT, "%s: %.1f FLOP/B, %.2f TFLOPS", p.label(), intensity,
                            tflops)));
        }
        return new RooflineChart(LEFT + PLOT_W + 20, TOP + PLOT_H + 45, roof.toString(), x.at(Math.min(ridge, X_MAX)),
                xTicks, yTicks, points, String.format(Locale.ROOT, "peak %.0f TFLOPS", peakTflops),
                String.format(Locale.ROOT, "%.0f GB/s", bandwidthGBs), LEFT, TOP, PLOT_W, PLOT_H);
    }

    private record Axis(double min, double max, double from, double to) {
        double at(double v) {
            double f = (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            return round(from + f * (to - from));
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String pt(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
    }

    private static String fmt(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%s", v < 0.001
                ? String.format(Locale.ROOT, "%.0e", v) : String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", ""));
    }
}
