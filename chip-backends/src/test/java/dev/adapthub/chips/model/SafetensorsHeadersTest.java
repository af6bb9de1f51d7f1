package dev.adapthub.chips.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.chips.TestModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsHeadersTest {

    static byte[] file(String headerJson, long declaredLength, int dataBytes) {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(declaredLength).array());
        out.writeBytes(header);
        out.writeBytes(new byte[dataBytes]);
        return out.toByteArray();
    }

    @Test
    void readsDtypesAndShapesWithoutReadingWeights() throws ModelException {
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"model.embed_tokens.weight\":{\"dtype\":\"BF16\",\"shape\":[32000,4096],\"data_offsets\":[0,262144000]},"
                + "\"model.layers.0.mlp.qweight\":{\"dtype\":\"I32\",\"shape\":[512,11008],\"data_offsets\":[262144000,284688384]}}";
        byte[] bytes = file(header, header.length(), 0); // no weight bytes at all: they must not be read
        InputStream in = new ByteArrayInputStream(bytes);
        CheckpointSummary s = SafetensorsHeaders.parse("model.safetensors", in);
        assertThat(s.tensorCount()).isEqualTo(2);
        assertThat(s.totalBytes()).isEqualTo(284_688_384L);
        assertThat(s.bytesByDtype()).containsEntry("BF16", 262_144_000L).containsEntry("I32", 22_544_384L);
    }

    @Test
    void hostileHeadersAreRejectedWithAMessage() {
        assertThatThrownBy(() -> parse(file("{}", Long.MAX_VALUE, 0))).hasMessageContaining("header length");
        assertThatThrownBy(() -> parse(file("{}", 4000, 0))).hasMessageContaining("ends inside");
        assertThatThrownBy(() -> parse(new byte[3])).hasMessageContaining("shorter");
        String wrongOffsets = "{\"w\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[0,7]}}";
        assertThatThrownBy(() -> parse(file(wrongOffsets, wrongOffsets.length(), 8))).hasMessageContaining("data_offsets");
        String unknown = "{\"w\":{\"dtype\":\"Q4\",\"shape\":[2],\"data_offsets\":[0,1]}}";
        assertThatThrownBy(() -> parse(file(unknown, unknown.length(), 1))).hasMessageContaining("unknown dtype 'Q4'");
        String overflow = "{\"w\":{\"dtype\":\"F64\",\"shape\":[4294967296,4294967296,4294967296],\"data_offsets\":[0,1]}}";
        assertThatThrownBy(() -> parse(file(overflow, overflow.length(), 0))).isInstanceOf(ModelException.class);
    }

    @Test
    void modelDirectoryMakesWeightBytesExact(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("config.json"), TestModels.bytes("llama-2-7b"));
        String header = "{\"w\":{\"dtype\":\"F16\",\"shape\":[6738415616],\"data_offsets\":[0,13476831232]}}";
        Files.write(dir.resolve("model-00001-of-00001.safetensors"), file(header, header.length(), 0));
        ModelArchitecture m = ModelDirectory.load(dir.resolve("config.json"));
        assertThat(m.checkpoint().totalBytes()).isEqualTo(13_476_831_232L);
    }

    private static CheckpointSummary parse(byte[] bytes) throws ModelException {
        return SafetensorsHeaders.parse("x.safetensors", new ByteArrayInputStream(bytes));
    }
}
