package io.gongkai.intake.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.intake.validation.ValidatedSubmission;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one form in which a report is stored and hashed: fields in form order, numbers without trailing zeros,
 * the form version always stated. Two bodies that say the same thing have the same canonical document. Kept as
 * UTF-8, the bytes that are hashed, stored and sent in the feed.
 */
public record CanonicalDocument(byte[] utf8, String contentHash) {

    static final JsonMapper MAPPER = JsonMapper.builder().nodeFactory(StatisticsJson.NODES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    public static CanonicalDocument of(ValidatedSubmission submission) {
        ObjectNode json = StatisticsJson.NODES.objectNode();
        ObjectNode unit = json.putObject("unit");
        unit.put("code", submission.unitCode());
        unit.put("name", submission.unitName());
        unit.put("parentCode", submission.parentCode());
        json.put("year", submission.year());
        json.put("formVersion", submission.form().version());
        json.setAll(StatisticsJson.write(submission.values()));
        if (submission.text() != null) {
            json.set("text", submission.text());
        }
        byte[] utf8 = write(json);
        return new CanonicalDocument(utf8, sha256(utf8));
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] utf8) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8);
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
