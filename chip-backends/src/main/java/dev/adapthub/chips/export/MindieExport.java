package dev.adapthub.chips.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.spi.MemoryPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A hub config as the {@code BackendConfig} part of MindIE Server's {@code config.json} (MindIE
 * Service docs, "Configuration Parameters": {@code npuDeviceIds}, {@code ModelDeployConfig.maxSeqLen},
 * {@code maxInputTokenLen}, {@code ModelConfig[].worldSize / npuMemSize / modelWeightPath},
 * {@code ScheduleConfig.cacheBlockSize / maxPrefillTokens / maxBatchSize / maxIterTimes}). Values the
 * hub config leaves open take the defaults of MindIE's shipped config.json.
 */
public final class MindieExport {

    /** MindIE's shipped config.json: maxSeqLen 2560. */
    static final int DEFAULT_MAX_SEQ_LEN = 2560;
    /** MindIE's shipped config.json: maxBatchSize 200. */
    static final int DEFAULT_MAX_BATCH_SIZE = 200;
    /** MindIE's shipped config.json: maxPrefillTokens 8192. */
    static final int DEFAULT_MAX_PREFILL_TOKENS = 8192;
    /** MindIE docs: cacheBlockSize in [1, 128], 128 recommended. */
    static final int DEFAULT_CACHE_BLOCK_SIZE = 128;
    /** MindIE: npuMemSize -1 lets the server size the KV cache from free NPU memory. */
    static final int NPU_MEM_AUTO = -1;
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MindieExport() {
    }

    /**
     * The fragment. With a memory plan, {@code npuMemSize} is the plan's KV-cache GiB per device
     * (rounded down, as MindIE takes whole GiB); without one, MindIE sizes it itself.
     */
    public static Export fragment(InferenceConfig c, MemoryPlan plan) {
        return fragment(c, plan, null);
    }

    /**
     * The fragment; with a {@code source}, {@code modelWeightPath} is the directory the source's download
     * command (in the notes) fills, since MindIE reads weights only from a local directory.
     */
    public static Export fragment(InferenceConfig c, MemoryPlan plan, ModelSource source) {
        List<String> notes = new ArrayList<>();
        int devices = c.devices();
        int maxSeqLen = c.limits().maxModelLen() != null ? c.limits().maxModelLen() : DEFAULT_MAX_SEQ_LEN;
        ObjectNode root = JSON.createObjectNode();
        ObjectNode backend = root.putObject("BackendConfig");
        ArrayNode ids = backend.putArray("npuDeviceIds").addArray();
        for (int i = 0; i < devices; i++) {
            ids.add(i);
        }
        ObjectNode deploy = backend.putObject("ModelDeployConfig");
        deploy.put("maxSeqLen", maxSeqLen);
        Integer input = c.workload().inputTokens();
        deploy.put("maxInputTokenLen", input != null ? Math.min(input, maxSeqLen) : maxSeqLen);
        ObjectNode model = deploy.putArray("ModelConfig").addObject();
        InferenceConfig.ModelRef ref = ModelPaths.pinned(c.model(), source);
        model.put("modelName", ModelPaths.name(ref));
        model.put("modelWeightPath", source != null && c.model().repo() == null ? "./" + source.name()
                : ModelPaths.reference(ref));
        model.put("worldSize", devices);
        model.put("npuMemSize", plan == null ? NPU_MEM_AUTO : Math.max(1, (long) Math.floor(plan.kvCacheBytes() / GIB)));
        model.put("backendType", "atb");
        model.put("trustRemoteCode", false);
        ObjectNode schedule = backend.putObject("ScheduleConfig");
        schedule.put("cacheBlockSize", c.limits().blockSize() != null ? c.limits().blockSize() : DEFAULT_CACHE_BLOCK_SIZE);
        schedule.put("maxPrefillTokens", c.limits().maxBatchedTokens() != null ? c.limits().maxBatchedTokens()
                : DEFAULT_MAX_PREFILL_TOKENS);
        schedule.put("maxBatchSize", c.limits().maxNumSeqs() != null ? c.limits().maxNumSeqs() : DEFAULT_MAX_BATCH_SIZE);
        if (c.workload().outputTokens() != null) {
            schedule.put("maxIterTimes", c.workload().outputTokens());
        }
        if (source != null && c.model().repo() == null) {
            notes.add("download the weights first, then give modelWeightPath as an absolute path: "
                    + source.downloadCommand());
        } else if (c.model().repo() != null) {
            notes.add("modelWeightPath must be a local directory: download " + c.model().repo() + " first");
        }
        if (c.memory().utilization() != null && plan == null) {
            notes.add("MindIE has no memory-utilization setting; npuMemSize -1 lets it size the KV cache");
        }
        if (c.parallel().pipelineOrOne() > 1) {
            notes.add("MindIE runs tensor parallel over worldSize devices; pipeline parallel is not expressed");
        }
        if (c.quantization() != null && !c.quantization().equals("none")) {
            notes.add("MindIE reads quantization (" + c.quantization() + ") from the weights' quant_model_description"
                    + " file (msModelSlim output), not from config.json");
        }
        return new Export(root.toPrettyString() + "\n", notes);
    }
}
