package io.gongkai.intake.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.intake.Reports;
import io.gongkai.intake.validation.SubmissionParser;
import io.gongkai.intake.validation.SubmissionValidator;
import io.gongkai.intake.validation.UnitRegistry;
import io.gongkai.intake.validation.ValidatedSubmission;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical document is what replays are recognised by: its bytes and hash must not change from one release to
 * the next, or a resent report that is already stored would become a new version.
 */
class CanonicalDocumentTest {

    private final SubmissionParser parser = new SubmissionParser();
    private final SubmissionValidator validator = new SubmissionValidator(new UnitRegistry(), Clock.systemUTC());

    @Test
    void theHashesOfStoredReportsStayTheSame() {
        assertThat(canonical(Reports.sanying()).contentHash()).isEqualTo("8647432709a7c4a502b5fbb4ce633ce240944d429dda111263d28c2b2a747395");
        assertThat(canonical(Reports.busy("640402100", "三营镇", 2023)).contentHash()).isEqualTo("0786c9e1263c213b6e7604dedbf56e53f86aa5bde9b8f9c8e7ae8d86c90702dd");
    }

    @Test
    void theHashIsTheSha256OfTheStoredBytes() throws Exception {
        CanonicalDocument document = canonical(Reports.busy("640402100", "三营镇", 2023));

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.utf8());
        assertThat(document.contentHash()).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void theDocumentStartsWithTheUnitYearAndFormThenTheSectionsInFormOrder() {
        String text = new String(canonical(Reports.sanying()).utf8(), StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\"unit\":{\"code\":\"640402100\",\"name\":\"原州区三营镇\",\"parentCode\":null},"
                + "\"year\":2023,\"formVersion\":\"2021\",\"activeDisclosure\":{\"regulations\":{\"issued\":0,");
        assertThat(text.indexOf("\"activeDisclosure\"")).isLessThan(text.indexOf("\"applications\""));
    }

    @Test
    void fieldOrderAndTrailingZerosDoNotChangeTheDocument() {
        ObjectNode report = Reports.busy("640402100", "三营镇", 2023);
        ObjectNode reordered = reversed(report);
        Reports.set(reordered, "activeDisclosure.fees.amountWanYuan", new BigDecimal("5949.0886670"));

        assertThat(canonical(reordered).utf8()).isEqualTo(canonical(report).utf8());
        assertThat(canonical(reordered).contentHash()).isEqualTo(canonical(report).contentHash());
    }

    private static ObjectNode reversed(ObjectNode node) {
        ObjectNode copy = Reports.JSON.createObjectNode();
        List<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        Collections.reverse(fields);
        fields.forEach(f -> copy.set(f.getKey(), f.getValue().isObject() ? reversed((ObjectNode) f.getValue())
                : f.getValue().deepCopy()));
        return copy;
    }

    private CanonicalDocument canonical(ObjectNode report) {
        ValidatedSubmission submission = validator.validate(parser.parse(Reports.text(report)
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(submission.errors()).isEmpty();
        return CanonicalDocument.of(submission);
    }
}
