package io.gongkai.intake.tools.backfill;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.form.Finding;
import io.gongkai.intake.api.ImportDraft;
import io.gongkai.intake.api.SubmissionReceipt;
import io.gongkai.intake.imports.DocumentDecoder;
import io.gongkai.intake.imports.ImportHints;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

/**
 * Imports one report file. The draft comes first even when storing, so that a report with gaps is reported with its
 * findings and never stored; only a draft without errors (other than cells confirmed zero) is sent again to be stored.
 */
final class ReportImporter {

    /** Problems that say the file is no report intake can read, whoever sends it. */
    private static final Set<String> UNREADABLE = Set.of("not-a-report", "undecodable-document", "document-too-large",
            "body-too-large", "unsupported-media-type");
    /** Refusals of the report or of the request for it, as opposed to failures to get a verdict at all. */
    private static final Set<Integer> REFUSALS = Set.of(400, 403, 409, 422);

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final IntakeImportClient intake;
    private final ReportMapping mapping;
    private final AssumedZero assumeZero;
    private final boolean store;

    ReportImporter(IntakeImportClient intake, ReportMapping mapping, AssumedZero assumeZero, boolean store) {
        this.intake = intake;
        this.mapping = mapping;
        this.assumeZero = assumeZero;
        this.store = store;
    }

    FileResult importFile(ReportFile file) throws InterruptedException {
        byte[] report;
        try {
            if (Files.size(file.path()) > DocumentDecoder.MAX_BYTES) {
                return FileResult.without(file.name(), Outcome.UNREADABLE, null, "over 2 MB");
            }
            report = Files.readAllBytes(file.path());
        } catch (IOException e) {
            return FileResult.without(file.name(), Outcome.UNREADABLE, null,
                    "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
        ImportHints hints = mapping.hintsFor(file.name());
        IntakeImportClient.Answer answer = null;
        try {
            answer = intake.post(report, file.mediaType(), hints, List.of(), false);
            if (answer.status() != 200) {
                return refused(file.name(), null, answer);
            }
            FileResult drafted = drafted(file.name(), JSON.readValue(answer.body(), ImportDraft.class));
            if (!store || drafted.outcome() != Outcome.DRAFTED) {
                return drafted;
            }
            answer = intake.post(report, file.mediaType(), hints, assumeZero.pointers(), true);
            if (answer.status() != 200 && answer.status() != 201) {
                return refused(file.name(), drafted, answer);
            }
            SubmissionReceipt receipt = JSON.readValue(answer.body(), SubmissionReceipt.class);
            return new FileResult(file.name(), receipt.unitCode(), drafted.unitName(), receipt.year(),
                    answer.status() == 201 ? Outcome.STORED : Outcome.REPLAYED, answer.status(), 0,
                    receipt.warnings().size(), null);
        } catch (IOException e) {
            if (answer == null) {
                return FileResult.without(file.name(), Outcome.FAILED, null,
                        "intake did not answer: " + e.getMessage());
            }
            return FileResult.without(file.name(), Outcome.FAILED, answer.status(),
                    "intake's answer was not understood: " + e.getMessage());
        }
    }

    /** The draft as a row: complete when no error is left once the cells confirmed zero are counted as given. */
    private FileResult drafted(String file, ImportDraft draft) {
        List<Finding> errors = draft.findings().stream().filter(Finding::isError).filter(f -> !assumeZero.settles(f))
                .toList();
        int warnings = (int) draft.findings().stream().filter(f -> !f.isError()).count();
        return new FileResult(file, draft.unit().code(), draft.unit().name(), draft.year(),
                errors.isEmpty() ? Outcome.DRAFTED : Outcome.INCOMPLETE, 200, errors.size(), warnings,
                errors.isEmpty() ? null : described(errors.get(0)));
    }

    /** A refusal as a row, keeping what the draft, if there was one, said about the unit and year. */
    private static FileResult refused(String file, FileResult drafted, IntakeImportClient.Answer answer) {
        Problem problem = problem(answer);
        String type = problem == null || problem.type() == null ? "" : problem.type().replace(Problem.TYPE_PREFIX, "");
        Outcome outcome = UNREADABLE.contains(type) ? Outcome.UNREADABLE
                : type.equals("import-incomplete") ? Outcome.INCOMPLETE
                : REFUSALS.contains(answer.status()) ? Outcome.REJECTED
                : Outcome.FAILED;
        List<Finding> errors = problem == null || problem.violations() == null ? List.of()
                : problem.violations().stream().filter(Finding::isError).toList();
        String reason = !errors.isEmpty() ? described(errors.get(0))
                : problem != null && problem.detail() != null ? problem.detail()
                : "HTTP " + answer.status();
        int errorCount = Math.max(1, errors.size());
        if (drafted == null) {
            return new FileResult(file, null, null, null, outcome, answer.status(), errorCount, 0, reason);
        }
        return new FileResult(file, drafted.unitCode(), drafted.unitName(), drafted.year(), outcome, answer.status(),
                errorCount, drafted.warnings(), reason);
    }

    private static Problem problem(IntakeImportClient.Answer answer) {
        try {
            return JSON.readValue(answer.body(), Problem.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static String described(Finding finding) {
        String message = finding.message() == null ? finding.rule() : finding.message();
        return finding.pointers().isEmpty() ? message : finding.pointers().get(0) + ": " + message;
    }
}
