package io.gongkai.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.security.Roles;
import io.gongkai.intake.api.ValidationReport;
import io.gongkai.intake.security.Caller;
import io.gongkai.intake.config.IntakeConfig;
import io.gongkai.intake.validation.SubmissionParser;
import io.gongkai.intake.validation.SubmissionRejectedException;
import io.gongkai.intake.validation.SubmissionValidator;
import io.gongkai.intake.validation.ValidatedSubmission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.util.List;

/** Accepts submissions: parse, validate, store as a new version (or recognise a replay), queue for the feed. */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);
    private static final int MAX_ATTEMPTS = 5;

    private final SubmissionParser parser;
    private final SubmissionValidator validator;
    private final SubmissionStore store;
    private final FeedSequencer sequencer;
    private final IntakeConfig config;
    private final SubmissionAttempt attempt;

    public SubmissionService(SubmissionParser parser, SubmissionValidator validator, SubmissionStore store,
            FeedSequencer sequencer, IntakeConfig config, SubmissionAttempt attempt) {
        this.config = config;
        this.attempt = attempt;
        this.parser = parser;
        this.validator = validator;
        this.store = store;
        this.sequencer = sequencer;
    }

    /** Stores a submission of the caller's, which must be a submitter whose scope covers the unit. */
    public StoreOutcome submit(byte[] body, Caller caller) {
        ValidatedSubmission submission = check(body, caller);
        CanonicalDocument document = CanonicalDocument.of(submission);
        StoreOutcome outcome = storeRetryingCollisions(submission, document, caller);
        if (outcome.created()) {
            sequencer.nudge();
        }
        return outcome;
    }

    /** The same checks as {@link #submit}, storing nothing. */
    public ValidationReport validate(byte[] body, Caller caller) {
        ValidatedSubmission submission = check(body, caller);
        CanonicalDocument document = CanonicalDocument.of(submission);
        return new ValidationReport(true, submission.form().version(), document.contentHash(),
                store.warnings(submission));
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

    private StoreOutcome storeRetryingCollisions(ValidatedSubmission submission, CanonicalDocument document,
            Caller caller) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.store(submission, document, caller);
            } catch (PersistenceException e) {
                if (!isConstraintViolation(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("version collision for %s/%d, attempt %d", submission.unitCode(), submission.year(), attempt);
            }
        }
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
