package io.gongkai.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.intake.mapping.VersionMapper;
import io.gongkai.intake.model.SubmissionVersion;
import io.gongkai.intake.repository.SubmissionVersionRepository;
import io.gongkai.contracts.security.Roles;
import io.gongkai.intake.api.ValidationReport;
import io.gongkai.intake.security.Caller;
import io.gongkai.intake.config.IntakeConfig;
import io.gongkai.intake.validation.SubmissionParser;
import io.gongkai.intake.validation.SubmissionRejectedException;
import io.gongkai.intake.validation.SubmissionValidator;
import io.gongkai.intake.validation.ValidatedSubmission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.concurrent.CompletableFuture;

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
        ValidatedSubmission submission = check(body, caller);
        return writer.write(submission, CanonicalDocument.of(submission), caller);
    }

    /** The same checks as {@link #submit}, storing nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ValidationReport validate(byte[] body, Caller caller) {
        ValidatedSubmission submission = check(body, caller);
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

    private ValidatedSubmission check(byte[] body, Caller caller) {
        if (body != null && body.length > config.maxBodyBytes()) {
            throw new SubmissionRejectedException(413, "body-too-large", "the body has " + body.length
                    + " bytes; a submission may have at most " + config.maxBodyBytes(), List.of());
        }
        JsonNode document = parser.parse(body);
        String unitCode = document.path("unit").path("code").isTextual() ? document.at("/unit/code").textValue() : null;
        String parentCode = document.path("unit").path("parentCode").isTextual()
                ? document.at("/unit/parentCode").textValue() : null;
        attempt.identify(unitCode, document.path("year").canConvertToInt() ? document.get("year").intValue() : null);
        if (Roles.SUBMITTER.equals(caller.role()) && unitCode != null && !caller.maySubmitFor(unitCode, parentCode)) {
            throw new SubmissionRejectedException(403, "outside-scope", "the token may submit for units under "
                    + caller.unitPrefix() + ", not for " + unitCode, List.of(Finding.error("SCOPE", "/unit/code",
                    "a unit under " + caller.unitPrefix(), unitCode, "outside the submitter's scope")));
        }
        ValidatedSubmission submission = validator.validate(document);
        if (submission.errors().isEmpty()) {
            return submission;
        }
        boolean onlyRuleErrors = submission.errors().stream()
                .allMatch(f -> submission.form().rule(f.rule()).isPresent());
        throw onlyRuleErrors ? SubmissionRejectedException.ruleViolations(submission.errors())
                : SubmissionRejectedException.malformed(submission.errors());
    }

}
