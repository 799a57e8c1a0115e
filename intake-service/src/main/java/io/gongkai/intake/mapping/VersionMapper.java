package io.gongkai.intake.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.contracts.tables.PrintedReport;
import io.gongkai.intake.api.SubmissionReceipt;
import io.gongkai.intake.api.SubmissionSummary;
import io.gongkai.intake.api.SubmissionVersionView;
import io.gongkai.intake.model.SubmissionVersion;
import io.gongkai.intake.service.SubmissionOrigin;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** Turns stored versions into the shapes the API answers with. */
public final class VersionMapper {

    private static final JsonMapper JSON = JsonMapper.builder().nodeFactory(StatisticsJson.NODES)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private VersionMapper() {
    }

    public static SubmissionReceipt receipt(SubmissionVersion v) {
        return new SubmissionReceipt(v.unitCode, v.year, v.version, time(v), v.contentHash, warnings(v));
    }

    public static SubmissionVersionView view(SubmissionVersion v) {
        return new SubmissionVersionView(v.unitCode, v.year, v.version, v.formVersion, time(v), v.contentHash,
                v.origin, warnings(v), document(v));
    }

    /**
     * A version as the official tables print it: its figures under the unit's name as reported, received when (in the
     * zone given). A cell the stored report lacks is printed blank.
     */
    public static PrintedReport printed(SubmissionVersionView view, ZoneId zone) {
        FormDefinition form = Forms.byVersion(view.formVersion()).orElseThrow(() -> new IllegalStateException(
                "version " + view.version() + " of " + view.unitCode() + " follows unknown form " + view.formVersion()));
        String name = view.submission().path("unit").path("name").asText(view.unitCode());
        String note = "第 " + view.version() + " 版" + (SubmissionOrigin.IMPORT_KIND.equals(view.origin()) ? "（读自已发布的报告）" : "");
        return new PrintedReport(name, view.unitCode(), view.year(), note,
                view.receivedAt().atZoneSameInstant(zone).toOffsetDateTime(), StatisticsJson.read(form, view.submission()));
    }

    public static SubmissionSummary summary(SubmissionVersion v) {
        return new SubmissionSummary(v.unitCode, v.unitName, v.parentCode, v.year, v.version, v.formVersion, time(v),
                v.contentHash, warnings(v).size());
    }

    public static ObjectNode document(SubmissionVersion v) {
        return readDocument(v.document);
    }

    /** A stored canonical document. */
    public static ObjectNode readDocument(String text) {
        return read(text, ObjectNode.class);
    }

    /** A stored canonical document, as its UTF-8 bytes. */
    public static ObjectNode readDocument(byte[] utf8) {
        try {
            return JSON.readValue(utf8, ObjectNode.class);
        } catch (IOException e) {
            throw new IllegalStateException("a stored document is not readable", e);
        }
    }

    public static List<Finding> warnings(SubmissionVersion v) {
        return readWarnings(v.warnings);
    }

    /** Stored warnings: a JSON array of findings. */
    public static List<Finding> readWarnings(String text) {
        try {
            return JSON.readValue(text, FINDINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored warnings are not readable", e);
        }
    }

    public static String writeWarnings(List<Finding> warnings) {
        try {
            return JSON.writeValueAsString(warnings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored document is not readable", e);
        }
    }

    private static OffsetDateTime time(SubmissionVersion v) {
        return v.receivedAt.atOffset(ZoneOffset.UTC);
    }
}
