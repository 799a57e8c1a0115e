package io.gongkai.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.intake.api.ValidationReport;
import io.gongkai.intake.config.IntakeConfig;
import io.gongkai.intake.mapping.VersionMapper;
import io.gongkai.intake.model.SubmissionVersion;
import io.gongkai.intake.repository.SubmissionVersionRepository;
import io.gongkai.intake.security.Caller;
import io.gongkai.intake.validation.SubmissionParser;
import io.gongkai.intake.validation.SubmissionRejectedException;
import io.gongkai.intake.validation.SubmissionValidator;
import io.gongkai.intake.validation.ValidatedSubmission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** Accepts submissions: parse, validate, then store as a new version or recognise a replay. */
@ApplicationScoped
public class SubmissionService {

    private final SubmissionParser parser;
    private final SubmissionValidator validator;
    private final SubmissionWriter writer;
    private final SubmissionVersionRepository versions;
    private final IntakeConfig config;
    private final SubmissionAttempt attempt;

    public SubmissionService(SubmissionParser parser, SubmissionValidator validator, SubmissionWriter writer,
            SubmissionVersionRepository versions, IntakeConfig config, SubmissionAttempt attempt) {
        this.parser = parser;
        this.validator = validator;
        this.writer = writer;
        this.versions = versions;
        this.config = config;
        this.attempt = attempt;
    }

    /**
     * Stores a submission of the caller's, which must be a submitter whose scope covers the unit; completes when
     * it is committed. A submission refused by the checks throws at once.
     */
    public CompletableFuture<StoreOutcome> submit(byte[] body, Caller caller) {
        return submit(body, caller, SubmissionOrigin.API);
    }

    /** As {@link #submit(byte[], Caller)}, for a submission that came from where {@code origin} says. */
    public CompletableFuture<StoreOutcome> submit(byte[] body, Caller caller, SubmissionOrigin origin) {
        ValidatedSubmission submission = check(body, caller, caller::maySubmitFor);
        return writer.write(submission, CanonicalDocument.of(submission), caller, origin);
    }

    /** The same checks as {@link #submit}, storing nothing; auditors may check any unit. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ValidationReport validate(byte[] body, Caller caller) {
        ValidatedSubmission submission = check(body, caller, caller::mayValidateFor);
        CanonicalDocument document = CanonicalDocument.of(submission);
        return new ValidationReport(true, submission.form().version(), document.contentHash(), warnings(submission));
    }

    /** The submission's own warnings and the cross-year ones against the unit's current report of the year before. */
    private List<Finding> warnings(ValidatedSubmission submission) {
        SubmissionVersion previous = versions.findCurrent(submission.unitCode(), submission.year() - 1).orElse(null);
        return previous == null ? AcceptanceWarnings.of(submission, null, null)
                : AcceptanceWarnings.of(submission, previous.formVersion, () -> StatisticsJson.read(
                        Forms.byVersion(previous.formVersion).orElseThrow(), VersionMapper.document(previous)));
    }

    /**
     * Parses and validates the body. The caller's scope is checked as soon as the unit code is read (so nothing of
     * the report is judged for a unit the caller may not write) and again on the validated code.
     */
    private ValidatedSubmission check(byte[] body, Caller caller, Predicate<String> inScope) {
        if (body != null && body.length > config.maxBodyBytes()) {
            throw SubmissionRejectedException.tooLarge(body.length, config.maxBodyBytes());
        }
        JsonNode document = parser.parse(body);
        String unitCode = document.path("unit").path("code").isTextual() ? document.at("/unit/code").textValue() : null;
        attempt.identify(unitCode, document.path("year").canConvertToInt() ? document.get("year").intValue() : null);
        if (unitCode != null) {
            checkScope(caller, unitCode, inScope);
        }
        ValidatedSubmission submission = validator.validate(document);
        if (submission.errors().isEmpty()) {
            checkScope(caller, submission.unitCode(), inScope);
            return submission;
        }
        boolean onlyRuleErrors = submission.errors().stream()
                .allMatch(f -> submission.form().rule(f.rule()).isPresent());
        throw onlyRuleErrors ? SubmissionRejectedException.ruleViolations(submission.errors())
                : SubmissionRejectedException.malformed(submission.errors());
    }

    private static void checkScope(Caller caller, String unitCode, Predicate<String> inScope) {
        if (!inScope.test(unitCode)) {
            String scope = caller.unitPrefix() == null ? "no units" : "units under " + caller.unitPrefix();
            throw new SubmissionRejectedException(403, "outside-scope", "the token may write " + scope + ", not "
                    + unitCode, List.of(Finding.error("SCOPE", "/unit/code", scope, unitCode,
                    "outside the submitter's scope")));
        }
    }
}
