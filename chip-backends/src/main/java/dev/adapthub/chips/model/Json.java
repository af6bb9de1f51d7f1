package dev.adapthub.chips.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** A JSON reader with limits, so a hostile config.json or header cannot exhaust memory or stack. */
final class Json {

    /** Nesting far beyond any real config.json (they are 2-3 levels deep). */
    private static final int MAX_NESTING = 64;
    private static final int MAX_NUMBER_CHARS = 64;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING)
                            .maxNumberLength(MAX_NUMBER_CHARS)
                            .maxStringLength(16 * 1024 * 1024)
                            .build())
                    .build())
            .build();

    private Json() {
    }

    static JsonNode parse(String what, byte[] bytes) throws ModelException {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new ModelException("", what + " must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ModelException("", what + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new ModelException("", "cannot read " + what + ": " + e.getMessage(), e);
        }
    }
}
