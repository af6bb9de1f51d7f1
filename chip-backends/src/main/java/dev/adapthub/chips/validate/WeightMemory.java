package dev.adapthub.chips.validate;

import dev.adapthub.chips.model.CheckpointSummary;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.Quantization;

/**
 * Weight bytes resident on one device, as vLLM shards them: linear layers split over the tensor
 * group (experts too: by TP slicing or expert parallelism, the per-device share is the same),
 * embedding and output head vocabulary-parallel, norms replicated; pipeline stages hold
 * ceil(layers / pp) layers, the first adding the embedding, the last the head.
 */
final class WeightMemory {

    private WeightMemory() {
    }

    /** Bytes on the most loaded device. */
    static long perDevice(ResolvedConfig r) {
        ModelArchitecture m = r.model();
        double linearBytes = linearBytesPerWeight(r);
        double plainBytes = DataTypes.bytes(sixteen(r));
        int stageLayers = (m.numLayers() + r.pipeline() - 1) / r.pipeline();
        double[] stage = new double[r.pipeline()];
        for (int s = 0; s < r.pipeline(); s++) {
            int first = s * stageLayers;
            int last = Math.min(m.numLayers(), first + stageLayers);
            double bytes = 0;
            for (int layer = first; layer < last; layer++) {
                long norms = (long) m.normsPerLayer() * m.hiddenSize();
                long linear = m.layerParams(layer) - norms;
                bytes += linear * linearBytes / r.tensor() + norms * plainBytes;
            }
            stage[s] = bytes;
        }
        stage[0] += m.embeddingParams() * plainBytes / r.tensor();
        stage[r.pipeline() - 1] += (m.lmHeadParams() * plainBytes / r.tensor()) + m.hiddenSize() * plainBytes;
        if (r.pipeline() > 1 && m.lmHeadParams() == 0) {
            stage[r.pipeline() - 1] += m.embeddingParams() * plainBytes / r.tensor(); // tied head is a copy there
        }
        double worst = 0;
        for (double b : stage) {
            worst = Math.max(worst, b);
        }
        CheckpointSummary ckpt = m.checkpoint();
        if (ckpt != null && ckpt.totalBytes() > 0 && checkpointMatches(r)) {
            // exact bytes from the safetensors headers, scaled by this device's computed share
            double total = total(r, linearBytes, plainBytes);
            worst = worst * ckpt.totalBytes() / total;
        }
        return (long) Math.ceil(worst);
    }

    /** Bytes per weight of linear layers, including quantization scales. */
    static double linearBytesPerWeight(ResolvedConfig r) {
        double gguf = DataTypes.ggufBits(r.quantization());
        if (gguf > 0) {
            return gguf / 8;
        }
        Quantization q = r.model().quantization();
        if (q != null && q.method().equals(r.quantization())) {
            return q.bytesPerWeight();
        }
        return switch (r.quantization()) {
            case "gptq", "awq", "w4a16" -> new Quantization(r.quantization(), 4, 128, "int4", null).bytesPerWeight();
            case "w8a8", "w8a16", "fp8" -> 1.0;
            default -> DataTypes.bytes(r.weightType());
        };
    }

    private static String sixteen(ResolvedConfig r) {
        String a = r.activationType();
        return a.equals("fp16") || a.equals("bf16") || a.equals("fp32") ? a : "bf16";
    }

    private static boolean checkpointMatches(ResolvedConfig r) {
        Quantization q = r.model().quantization();
        if (q != null) {
            return q.method().equals(r.quantization());
        }
        return "none".equals(r.quantization()) && r.model().dtype().equals(r.weightType());
    }

    private static double total(ResolvedConfig r, double linearBytes, double plainBytes) {
        ModelArchitecture m = r.model();
        double bytes = (m.embeddingParams() + m.lmHeadParams() + m.hiddenSize()) * plainBytes;
        for (int layer = 0; layer < m.numLayers(); layer++) {
            long norms = (long) m.normsPerLayer() * m.hiddenSize();
            bytes += (m.layerParams(layer) - norms) * linearBytes + norms * plainBytes;
        }
        return bytes;
    }
}
