package dev.adapthub.chips.numerics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Timing and calibration harness, not a test: prints each plan's errors per model shape and the
 * median wall time of {@link NumericsCheck#run} over 20 runs after warm-up. Run with
 * {@code java -cp chip-backends/target/classes:chip-backends/target/test-classes
 * dev.adapthub.chips.numerics.NumericsBench [runs]}.
 */
public final class NumericsBench {

    static final Map<String, LayerShape> SHAPES = new LinkedHashMap<>();
    static final Map<String, PrecisionPlan> PLANS = new LinkedHashMap<>();

    static {
        SHAPES.put("llama3-8b", LayerShape.dense(4096, 32, 8, 128, 14336, 1e-5, 500_000));
        SHAPES.put("qwen2.5-7b", LayerShape.dense(3584, 28, 4, 128, 18944, 1e-6, 1_000_000));
        SHAPES.put("falcon-7b-mqa", LayerShape.dense(4544, 71, 1, 64, 18176, 1e-5, 10_000));
        SHAPES.put("mixtral-8x7b", LayerShape.dense(4096, 32, 8, 128, 14336, 1e-5, 1_000_000).withMoe(8, 2, 14336));
        SHAPES.put("deepseek-v3", LayerShape.dense(7168, 128, 128, 128, 2048, 1e-6, 10_000)
                .withMoe(256, 8, 2048).withMla(new LayerShape.Mla(512, 64, 128, 128)));
        PLANS.put("fp32", PrecisionPlan.uniform(NumericFormat.FP32));
        PLANS.put("bf16", PrecisionPlan.uniform(NumericFormat.BF16));
        PLANS.put("fp16", PrecisionPlan.uniform(NumericFormat.FP16));
        PLANS.put("fp8-e4m3", new PrecisionPlan(NumericFormat.FP8_E4M3, NumericFormat.FP8_E4M3, NumericFormat.FP8_E4M3, 128));
        PLANS.put("fp8-fnuz", new PrecisionPlan(NumericFormat.FP8_E4M3FNUZ, NumericFormat.FP8_E4M3FNUZ, NumericFormat.BF16, 128));
        PLANS.put("fp8-e5m2-kv", new PrecisionPlan(NumericFormat.BF16, NumericFormat.BF16, NumericFormat.FP8_E5M2, -1));
        PLANS.put("w8a8", new PrecisionPlan(NumericFormat.INT8, NumericFormat.INT8, NumericFormat.BF16, -1));
        PLANS.put("w8a16-g128", PrecisionPlan.weightOnly(NumericFormat.INT8, 128, NumericFormat.FP16));
        PLANS.put("w4a16-g128", PrecisionPlan.weightOnly(NumericFormat.INT4, 128, NumericFormat.FP16));
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long seed = 42;
        for (Map.Entry<String, LayerShape> s : SHAPES.entrySet()) {
            for (Map.Entry<String, PrecisionPlan> p : PLANS.entrySet()) {
                for (int i = 0; i < 5; i++) {
                    NumericsCheck.run(s.getValue(), p.getValue(), seed + i);
                }
                long[] nanos = new long[runs];
                NumericsReport report = null;
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    report = NumericsCheck.run(s.getValue(), p.getValue(), seed + i);
                    nanos[i] = System.nanoTime() - t0;
                }
                Arrays.sort(nanos);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-14s %-12s %-4s median %6.1f ms max %6.1f ms |",
                        s.getKey(), p.getKey(), report.verdict(), nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6));
                for (TensorError t : report.tensors()) {
                    line.append(String.format(Locale.ROOT, " %s mean %.2fu max %.2fu cos %.6f %s;", t.name(),
                            t.meanRelError() / report.thresholds().unit(), t.maxRelError() / report.thresholds().unit(),
                            t.cosineSimilarity(), t.verdict()));
                }
                if (!Double.isNaN(report.routingAgreement())) {
                    line.append(String.format(Locale.ROOT, " routing %.2f", report.routingAgreement()));
                }
                System.out.println(line);
            }
        }
    }
}
