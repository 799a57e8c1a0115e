package io.gongkai.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored UTF-8 JSON goes into an answer unchanged, whether the generator writes bytes or characters. */
class Utf8JsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STORED = "{\"unit\":{\"code\":\"640402100\",\"name\":\"原州区三营镇\"},\"fee\":5949.088667}";

    @Test
    void aByteGeneratorCopiesTheStoredBytes() throws Exception {
        byte[] answer = JSON.writeValueAsBytes(Map.of("entries", List.of(value(), value())));

        assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("{\"entries\":[" + STORED + "," + STORED + "]}");
    }

    @Test
    void aCharacterGeneratorWritesTheSameJson() throws Exception {
        String answer = JSON.writeValueAsString(Map.of("entry", value()));

        JsonNode entry = JSON.readTree(answer).get("entry");
        assertThat(entry).isEqualTo(JSON.readTree(STORED));
        assertThat(entry.at("/unit/name").asText()).isEqualTo("原州区三营镇");
    }

    @Test
    void aValueLargerThanTheGeneratorsBufferIsWrittenWhole() throws Exception {
        String large = "{\"text\":\"" + "公开".repeat(20_000) + "\"}";

        byte[] answer = JSON.writeValueAsBytes(List.of(new Utf8Json(large.getBytes(StandardCharsets.UTF_8))));

        assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("[" + large + "]");
    }

    private static Utf8Json value() {
        return new Utf8Json(STORED.getBytes(StandardCharsets.UTF_8));
    }
}
