package io.gongkai.intake.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.StatisticsJson;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.List;

/**
 * Reads a submission body strictly: numbers as exact decimals (never through a double), duplicate keys,
 * trailing content and deep nesting refused. The form is at most four levels deep.
 */
@ApplicationScoped
public class SubmissionParser {

    static final int MAX_NESTING_DEPTH = 16;

    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(64)
                            .maxStringLength(200_000)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .nodeFactory(StatisticsJson.NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    public JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw SubmissionRejectedException.malformed(List.of(
                    Finding.error("JSON", "", "a JSON object", "an empty body", "the request has no body")));
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new IOException("no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(e.getOriginalMessage(), e.getLocation() == null ? null
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw malformed(e.getMessage(), null);
        }
    }

    private static SubmissionRejectedException malformed(String reason, String location) {
        String where = location == null ? "" : location;
        return SubmissionRejectedException.malformed(List.of(Finding.error("JSON", "", "well-formed JSON (RFC 8259)",
                null, "malformed JSON" + where + ": " + reason)));
    }
}
