package io.gongkai.intake.service;

import io.gongkai.contracts.form.Finding;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.form.RuleEvaluator;
import io.gongkai.contracts.form.StatisticsJson;
import io.gongkai.intake.mapping.VersionMapper;
import io.gongkai.intake.model.AuditRecord;
import io.gongkai.intake.model.SubmissionVersion;
import io.gongkai.intake.repository.FeedRepository;
import io.gongkai.intake.repository.SubmissionVersionRepository;
import io.gongkai.intake.security.Caller;
import io.gongkai.intake.validation.SubmissionRejectedException;
import io.gongkai.intake.validation.ValidatedSubmission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores a validated submission as a new version, in one transaction with its place in the feed queue. */
@ApplicationScoped
public class SubmissionStore {

    private final SubmissionVersionRepository versions;
    private final FeedRepository feed;
    private final Clock clock;
    private final AuditService audit;

    public SubmissionStore(SubmissionVersionRepository versions, FeedRepository feed, Clock clock, AuditService audit) {
        this.audit = audit;
        this.versions = versions;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * A new version n+1, or the current version when the canonical report is identical to it. Two concurrent
     * stores for the same unit and year collide on the unique version and one of them is retried by the caller.
     */
    @Transactional
    public StoreOutcome store(ValidatedSubmission submission, CanonicalDocument document, Caller caller) {
        Optional<SubmissionVersion> current = versions.findCurrent(submission.unitCode(), submission.year());
        if (current.isPresent() && current.get().contentHash.equals(document.contentHash())) {
            SubmissionVersion replayed = current.get();
            audit.recordStored(caller, AuditRecord.Outcome.REPLAYED, replayed.unitCode, replayed.year,
                    replayed.version, replayed.contentHash, 200);
            return new StoreOutcome(VersionMapper.receipt(replayed), false);
        }
        checkDepartmentParent(submission);
        SubmissionVersion version = new SubmissionVersion();
        version.unitCode = submission.unitCode();
        version.year = submission.year();
        version.version = current.map(v -> v.version + 1).orElse(1);
        version.unitName = submission.unitName();
        version.parentCode = submission.parentCode();
        version.formVersion = submission.form().version();
        version.contentHash = document.contentHash();
        version.receivedAt = clock.instant();
        version.document = document.text();
        version.warnings = VersionMapper.writeWarnings(warnings(submission));
        versions.persistAndFlush(version);
        feed.enqueue(version.id);
        audit.recordStored(caller, AuditRecord.Outcome.ACCEPTED, version.unitCode, version.year, version.version,
                version.contentHash, 201);
        return new StoreOutcome(VersionMapper.receipt(version), true);
    }

    /** The submission's own warnings and the cross-year ones against the unit's current report of the year before. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Finding> warnings(ValidatedSubmission submission) {
        List<Finding> warnings = new ArrayList<>(submission.warnings());
        versions.findCurrent(submission.unitCode(), submission.year() - 1)
                .filter(previous -> previous.formVersion.equals(submission.form().version()))
                .map(previous -> StatisticsJson.read(Forms.byVersion(previous.formVersion).orElseThrow(),
                        VersionMapper.document(previous)))
                .ifPresent(previous -> warnings.addAll(
                        RuleEvaluator.crossYear(submission.values(), previous, submission.level())));
        return warnings;
    }

    /** A department reports under one government; moving it would silently move its figures between totals. */
    private void checkDepartmentParent(ValidatedSubmission submission) {
        if (submission.parentCode() == null) {
            return;
        }
        versions.findRegisteredParent(submission.unitCode())
                .filter(registered -> !registered.equals(submission.parentCode()))
                .ifPresent(registered -> {
                    throw new SubmissionRejectedException(409, "department-parent-conflict",
                            "department " + submission.unitCode() + " reports under " + registered,
                            List.of(Finding.error("UNIT", "/unit/parentCode", registered, submission.parentCode(),
                                    "the department is registered under government " + registered)));
                });
    }
}
