package io.gongkai.intake.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.intake.validation.ValidatedSubmission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one form in which a report is stored and hashed: fields in form order, numbers without trailing zeros,
 * the form version always stated. Two bodies that say the same thing have the same canonical document. Kept as
 * UTF-8, the bytes that are hashed, stored and sent in the feed; written straight from the validated figures.
 */
public record CanonicalDocument(byte[] utf8, String contentHash) {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    public static CanonicalDocument of(ValidatedSubmission submission) {
        byte[] utf8 = write(submission);
        return new CanonicalDocument(utf8, sha256(utf8));
    }

    private static byte[] write(ValidatedSubmission submission) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(8192);
                JsonGenerator json = MAPPER.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeObjectFieldStart("unit");
            json.writeStringField("code", submission.unitCode());
            json.writeStringField("name", submission.unitName());
            json.writeStringField("parentCode", submission.parentCode());
            json.writeEndObject();
            json.writeNumberField("year", submission.year());
            json.writeStringField("formVersion", submission.form().version());
            StatisticsJson.write(submission.values(), submission.statedAmounts(), json);
            if (submission.text() != null) {
                json.writeFieldName("text");
                json.writeTree(submission.text());
            }
            json.writeEndObject();
            json.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
