package io.gongkai.intake.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gongkai.contracts.divisions.DivisionTable;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.Severity;
import io.gongkai.intake.api.ImportDraft;
import io.gongkai.intake.security.Caller;
import io.gongkai.intake.service.StoreOutcome;
import io.gongkai.intake.service.SubmissionOrigin;
import io.gongkai.intake.service.SubmissionService;
import io.gongkai.intake.validation.SubmissionRejectedException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

/**
 * Imports published reports: reads them into drafts, and stores a draft through the normal submission path (the
 * same checks, scope, versions, feed and audit) with the document it was read from.
 */
@ApplicationScoped
public class ImportService {

    private final PublishedReportReader reader = new PublishedReportReader(DivisionTable.national());
    private final SubmissionService submissions;
    private final ObjectMapper json;

    public ImportService(SubmissionService submissions, ObjectMapper json) {
        this.submissions = submissions;
        this.json = json;
    }

    /** The draft of a report, stored nothing; a submitter may read reports of its own units, an auditor any. */
    public ImportDraft draft(byte[] body, String contentType, ImportHints hints, Caller caller) {
        ImportDraft draft = reader.read(body, contentType, hints);
        if (draft.unit().code() != null && !caller.mayValidateFor(draft.unit().code())) {
            throw outsideScope(caller, draft.unit().code());
        }
        return draft;
    }

    /**
     * Stores the report's draft as the unit's next version, with the cells the operator confirms were zero. A draft
     * that still lacks cells, its unit or its year is refused with 422 and every finding; nothing is stored.
     */
    public CompletableFuture<StoreOutcome> store(byte[] body, String contentType, ImportHints hints, List<String> assumeZero,
            Caller caller) {
        ImportDraft draft = draft(body, contentType, hints, caller);
        AssumedZeros.Applied applied = AssumedZeros.apply(Forms.require(draft.formVersion()), draft.submission(), draft.findings(), assumeZero);
        ObjectNode submission = applied.submission();
        boolean complete = draft.unit().code() != null && draft.year() != null && !hasNullCell(submission);
        if (!complete) {
            List<Finding> findings = new ArrayList<>(applied.remaining());
            throw new SubmissionRejectedException(422, "import-incomplete", "the published report does not give every"
                    + " cell, its unit and its year: " + findings.stream().filter(f -> f.severity() == Severity.ERROR).count()
                    + " finding(s); nothing was stored", findings);
        }
        List<Finding> warnings = new ArrayList<>();
        if (applied.warning() != null) {
            warnings.add(applied.warning());
        }
        // The text checks run again on the submission's texts when it is stored; the document's are not repeated.
        applied.remaining().stream().filter(f -> f.severity() == Severity.WARNING && !f.rule().startsWith("TEXT."))
                .forEach(warnings::add);
        String mediaType = ("HTML".equals(draft.document().kind()) ? "text/html" : "text/plain") + "; charset="
                + draft.document().charset();
        return submissions.submit(bytes(submission), caller, SubmissionOrigin.imported(body, mediaType, warnings));
    }

    private static boolean hasNullCell(ObjectNode submission) {
        for (String section : List.of("activeDisclosure", "applications", "reviewLitigation")) {
            if (containsNull(submission.path(section))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsNull(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return true;
        }
        return node.isObject() && StreamSupport.stream(node.spliterator(), false).anyMatch(ImportService::containsNull);
    }

    private byte[] bytes(ObjectNode submission) {
        try {
            return json.writeValueAsBytes(submission);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draft could not be written as JSON", e);
        }
    }

    private static SubmissionRejectedException outsideScope(Caller caller, String unitCode) {
        String scope = caller.unitPrefix() == null ? "no units" : "units under " + caller.unitPrefix();
        return new SubmissionRejectedException(403, "outside-scope", "the token may read reports of " + scope + ", not "
                + unitCode, List.of(Finding.error("SCOPE", "/unit/code", scope, unitCode, "outside the caller's scope")));
    }
}
