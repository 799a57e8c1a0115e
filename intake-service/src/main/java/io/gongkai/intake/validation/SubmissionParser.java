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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a submission body strictly: numbers as exact decimals (never through a double), duplicate keys,
 * trailing content and deep nesting refused. The form is at most four levels deep.
 * <p>
 * Every number is bounded in digits (by its text) and in scale before anything computes with it: {@code 0E-300000}
 * is a short text and zero, but adding it to a count would carry a 300,000-digit scale into every sum.
 */
@ApplicationScoped
public class SubmissionParser {

    static final int MAX_NESTING_DEPTH = 16;
    /** Decimal places (or, negative, powers of ten) a number may carry; cells need at most six places. */
    static final int MAX_SCALE = 20;

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
        requireUtf8(body);
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new IOException("no JSON value");
            }
            List<Finding> unbounded = new ArrayList<>();
            checkNumbers(node, "", unbounded);
            if (!unbounded.isEmpty()) {
                throw SubmissionRejectedException.malformed(unbounded);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(e.getOriginalMessage(), e.getLocation() == null ? null
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw malformed(e.getMessage(), null);
        }
    }

    /**
     * The body must be well-formed UTF-8 (RFC 8259): the JSON parser accepts some malformed sequences, such as the
     * overlong {@code C0 AF} for '/', which must never reach the stored report.
     */
    private static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw malformed("the body is not well-formed UTF-8 (" + e.getMessage() + ")", null);
        }
    }

    /** Every number in the document, at any depth, has a scale within ±{@link #MAX_SCALE}. */
    private static void checkNumbers(JsonNode node, String pointer, List<Finding> findings) {
        if (node.isNumber()) {
            int scale = node.decimalValue().scale();
            if (scale > MAX_SCALE || scale < -MAX_SCALE) {
                findings.add(Finding.error("NUMBER", pointer, "a number with at most " + MAX_SCALE
                        + " decimal places and an exponent of at most " + MAX_SCALE, abbreviate(node.asText()),
                        "the number's exponent is out of bounds"));
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> checkNumbers(field.getValue(),
                    pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), findings));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNumbers(node.get(i), pointer + "/" + i, findings);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static SubmissionRejectedException malformed(String reason, String location) {
        String where = location == null ? "" : location;
        return SubmissionRejectedException.malformed(List.of(Finding.error("JSON", "", "well-formed JSON (RFC 8259)",
                null, "malformed JSON" + where + ": " + reason)));
    }
}
