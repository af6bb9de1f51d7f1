package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start of a GGUF file, read within a byte budget. */
class GgufHeaderTest {

    @Test
    void readsArchitectureContextAndParameterCount() throws Exception {
        var header = GgufHeader.read(new ByteArrayInputStream(HfModelFiles.GGUF), 1 << 20).orElseThrow();

        assertThat(header.json()).isEqualTo(Map.of("architecture", "llama", "context_length", 4096L, "total", 32L));
    }

    @Test
    void aBudgetThatEndsInTheTensorInfosLeavesTheCountOut() throws Exception {
        // Magic, version, counts and both key-value pairs fit; the tensor info does not.
        var header = GgufHeader.read(new ByteArrayInputStream(HfModelFiles.GGUF), 110).orElseThrow();

        assertThat(header.json()).isEqualTo(Map.of("architecture", "llama", "context_length", 4096L));
    }

    @Test
    void otherFilesAreNotGguf() throws Exception {
        assertThat(GgufHeader.read(new ByteArrayInputStream("not a model".getBytes(StandardCharsets.UTF_8)), 1024))
                .isEmpty();
        assertThat(GgufHeader.read(new ByteArrayInputStream(HfModelFiles.SAFETENSORS), 1024)).isEmpty();
    }
}
